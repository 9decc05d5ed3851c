package cn.jiceng.dashboard;

import cn.jiceng.common.Ids;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Command center": the monthly bulletin of a subtree as PDF (the dashboard page links to it). */
@RestController
class BulletinController {

	private final DashboardBulletin bulletins;
	private final DashboardService dashboards;

	BulletinController(DashboardBulletin bulletins, DashboardService dashboards) {
		this.bulletins = bulletins;
		this.dashboards = dashboards;
	}

	@GetMapping("/api/organizations/{id}/bulletin.pdf")
	ResponseEntity<byte[]> bulletin(@PathVariable String id, @RequestParam(required = false) String month) {
		var m = DashboardController.month(month, dashboards.defaultMonth());
		byte[] pdf = bulletins.pdf(Ids.parse(id, "党组织"), m);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("bulletin-" + m + ".pdf").build().toString())
			.body(pdf);
	}
}
