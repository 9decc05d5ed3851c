package cn.jiceng.organization;

import java.util.List;

import cn.jiceng.common.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organization-setting advice (API.md "Organizations": GET /api/organizations/{id}/advice). */
@RestController
@RequestMapping("/api/organizations/{id}")
class AdviceController {

	private final OrganizationAdviceService advice;

	AdviceController(OrganizationAdviceService advice) {
		this.advice = advice;
	}

	@GetMapping("/advice")
	List<OrganizationAdviceService.AdviceItem> advice(@PathVariable String id) {
		return advice.advice(Ids.parse(id, "党组织"));
	}

	/** The same advice with the settings it was judged by. */
	@GetMapping("/advice-report")
	OrganizationAdviceService.AdviceReport report(@PathVariable String id) {
		return advice.report(Ids.parse(id, "党组织"));
	}

	record HandlingRequest(String note) {
	}

	@PostMapping("/advice/{code}/handling")
	@ResponseStatus(HttpStatus.CREATED)
	OrganizationAdviceService.AdviceItem handle(@PathVariable String id, @PathVariable String code,
			@RequestBody HandlingRequest req) {
		return advice.handle(Ids.parse(id, "党组织"), code, req.note());
	}
}
