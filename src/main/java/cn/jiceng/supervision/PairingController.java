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

/** API.md "Responsibility and supervision": pairing and micro-wishes (携手联心). */
@RestController
@RequestMapping("/api")
class PairingController {

	private final PairingService pairings;

	PairingController(PairingService pairings) {
		this.pairings = pairings;
	}

	@PostMapping("/organizations/{id}/pairings")
	@ResponseStatus(HttpStatus.CREATED)
	PairingService.PairingView pair(@PathVariable String id,
			@RequestBody(required = false) PairingService.PairingInput in) {
		return pairings.pair(Ids.parse(id, "党组织"), in);
	}

	@GetMapping("/organizations/{id}/pairings")
	PairingService.Report report(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return pairings.report(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/pairings/{id}")
	PairingService.Detail detail(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return pairings.detail(Ids.parse(id, "结对关系"), year);
	}

	@PostMapping("/pairings/{id}/services")
	@ResponseStatus(HttpStatus.CREATED)
	PairingService.ActivityView service(@PathVariable String id,
			@RequestBody(required = false) PairingService.ActivityInput in) {
		return pairings.activity(Ids.parse(id, "结对关系"), PairingActivityKind.SERVICE, in);
	}

	@PostMapping("/pairings/{id}/difficulties")
	@ResponseStatus(HttpStatus.CREATED)
	PairingService.ActivityView difficulty(@PathVariable String id,
			@RequestBody(required = false) PairingService.ActivityInput in) {
		return pairings.activity(Ids.parse(id, "结对关系"), PairingActivityKind.DIFFICULTY, in);
	}

	@PostMapping("/pairings/{id}/wishes")
	@ResponseStatus(HttpStatus.CREATED)
	PairingService.WishView wish(@PathVariable String id, @RequestBody(required = false) PairingService.WishInput in) {
		return pairings.post(Ids.parse(id, "结对关系"), in);
	}

	@PostMapping("/wishes/{id}/claim")
	PairingService.WishView claim(@PathVariable String id, @RequestBody(required = false) PairingService.ClaimInput in) {
		return pairings.claim(Ids.parse(id, "微心愿"), in);
	}

	@PostMapping("/wishes/{id}/complete")
	PairingService.WishView complete(@PathVariable String id,
			@RequestBody(required = false) PairingService.CompleteInput in) {
		return pairings.complete(Ids.parse(id, "微心愿"), in);
	}
}
