package cn.jiceng.assessment;

import java.util.Map;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Organization assessment": five stars (标星, 自评, 评星, 定星, 挂星, 摘星) and the printable star list. */
@RestController
@RequestMapping("/api")
class StarController {

	private final StarService stars;
	private final StarListPdf pdf;

	StarController(StarService stars, StarListPdf pdf) {
		this.stars = stars;
		this.pdf = pdf;
	}

	@PutMapping("/star-standards")
	StarService.StandardView putStandard(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String field, @RequestBody(required = false) StarService.StandardInput in) {
		return stars.putStandard(year, field, in);
	}

	@GetMapping("/star-standards")
	StarService.StandardView standard(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String field) {
		return stars.standard(year, field);
	}

	@PostMapping("/organizations/{id}/star-assessments")
	@ResponseStatus(HttpStatus.CREATED)
	StarService.AssessmentView selfAssess(@PathVariable String id,
			@RequestBody(required = false) StarService.AssessmentInput in) {
		return stars.selfAssess(Ids.parse(id, "党组织"), in == null ? new StarService.AssessmentInput(null, null) : in);
	}

	@GetMapping("/star-assessments/{id}")
	StarService.AssessmentView get(@PathVariable String id) {
		return stars.get(Ids.parse(id, "星级评定"));
	}

	@PostMapping("/star-assessments/{id}/review")
	StarService.AssessmentView review(@PathVariable String id, @RequestBody(required = false) StarService.ReviewInput in) {
		return stars.review(Ids.parse(id, "星级评定"), in);
	}

	@PostMapping("/star-assessments/{id}/confirm")
	StarService.AssessmentView confirm(@PathVariable String id, @RequestBody(required = false) Map<String, Object> in) {
		Object version = in == null ? null : in.get("version");
		if (version != null && !(version instanceof Integer)) {
			throw InvalidInputException.of("version", "版本号应为整数");
		}
		return stars.confirm(Ids.parse(id, "星级评定"), (Integer) version);
	}

	@PostMapping("/organizations/{id}/stars/publish")
	StarService.PublishResult publish(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return stars.publish(Ids.parse(id, "党组织"), year);
	}

	@PostMapping("/star-assessments/{id}/revoke")
	StarService.AssessmentView revoke(@PathVariable String id, @RequestBody(required = false) StarService.RevokeInput in) {
		return stars.revoke(Ids.parse(id, "星级评定"), in);
	}

	@GetMapping("/organizations/{id}/stars")
	StarService.StarsReport list(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return stars.stars(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/organizations/{id}/stars.pdf")
	ResponseEntity<byte[]> listPdf(@PathVariable String id, @RequestParam(required = false) Integer year) {
		byte[] body = pdf.render(Ids.parse(id, "党组织"), year);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"stars.pdf\"")
			.body(body);
	}
}
