package cn.jiceng.publicity;

import cn.jiceng.common.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Learning, publicity and care": study needs, home deliveries and the quarter's delivery gaps. */
@RestController
@RequestMapping("/api")
class AccessibleStudyController {

	private final AccessibleStudyService accessible;

	AccessibleStudyController(AccessibleStudyService accessible) {
		this.accessible = accessible;
	}

	@PutMapping("/members/{id}/study-needs")
	AccessibleStudyService.NeedsView putNeeds(@PathVariable String id,
			@RequestBody(required = false) AccessibleStudyService.NeedsInput in) {
		return accessible.putNeeds(Ids.parse(id, "党员"), in);
	}

	@GetMapping("/members/{id}/study-needs")
	AccessibleStudyService.NeedsView needs(@PathVariable String id) {
		return accessible.getNeeds(Ids.parse(id, "党员"));
	}

	@PostMapping("/members/{id}/home-deliveries")
	@ResponseStatus(HttpStatus.CREATED)
	AccessibleStudyService.DeliveryView deliver(@PathVariable String id,
			@RequestBody(required = false) AccessibleStudyService.DeliveryInput in) {
		return accessible.deliver(Ids.parse(id, "党员"), in);
	}

	@GetMapping("/organizations/{id}/home-delivery-gaps")
	AccessibleStudyService.Gaps gaps(@PathVariable String id, @RequestParam(required = false) String quarter) {
		return accessible.gaps(Ids.parse(id, "党组织"), quarter);
	}
}
