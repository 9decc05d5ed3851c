package cn.jiceng.supervision;

import cn.jiceng.common.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Responsibility and supervision": contact assignments (挂联包帮), their activities, duties and coverage. */
@RestController
@RequestMapping("/api")
class ContactController {

	private final ContactService contacts;

	ContactController(ContactService contacts) {
		this.contacts = contacts;
	}

	@PostMapping("/contact-assignments")
	@ResponseStatus(HttpStatus.CREATED)
	ContactService.AssignmentView assign(@RequestBody(required = false) ContactService.AssignmentInput in) {
		return contacts.assign(in);
	}

	@PostMapping("/contact-assignments/{id}/activities")
	@ResponseStatus(HttpStatus.CREATED)
	ContactService.ActivityView activity(@PathVariable String id,
			@RequestBody(required = false) ContactService.ActivityInput in) {
		return contacts.activity(Ids.parse(id, "挂联关系"), in);
	}

	@GetMapping("/organizations/{id}/contact-assignments")
	ContactService.Report report(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return contacts.report(Ids.parse(id, "党组织"), year);
	}
}
