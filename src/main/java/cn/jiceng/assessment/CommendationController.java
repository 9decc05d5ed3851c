package cn.jiceng.assessment;

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

/** API.md "Organization assessment": commendations (评优评先) with their eligibility checks. */
@RestController
@RequestMapping("/api")
class CommendationController {

	private final CommendationService commendations;

	CommendationController(CommendationService commendations) {
		this.commendations = commendations;
	}

	@PostMapping("/commendations")
	@ResponseStatus(HttpStatus.CREATED)
	CommendationService.CommendationView nominate(
			@RequestBody(required = false) CommendationService.NominationInput in) {
		return commendations.nominate(in);
	}

	@GetMapping("/organizations/{id}/commendations")
	CommendationService.ListView list(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return commendations.list(Ids.parse(id, "党组织"), year);
	}
}
