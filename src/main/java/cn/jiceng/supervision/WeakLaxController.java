package cn.jiceng.supervision;

import cn.jiceng.common.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Responsibility and supervision": weak-and-lax candidates, the confirmed list, measures and stages. */
@RestController
@RequestMapping("/api")
class WeakLaxController {

	private final WeakLaxService weakLax;

	WeakLaxController(WeakLaxService weakLax) {
		this.weakLax = weakLax;
	}

	@GetMapping("/organizations/{id}/weak-and-lax/candidates")
	WeakLaxService.Candidates candidates(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return weakLax.candidates(Ids.parse(id, "党组织"), year);
	}

	@PostMapping("/weak-and-lax")
	@ResponseStatus(HttpStatus.CREATED)
	WeakLaxService.Item confirm(@RequestBody(required = false) WeakLaxService.ConfirmInput in) {
		return weakLax.confirm(in);
	}

	@GetMapping("/weak-and-lax/{id}")
	WeakLaxService.Item get(@PathVariable String id) {
		return weakLax.get(Ids.parse(id, "软弱涣散党组织记录"));
	}

	@PostMapping("/weak-and-lax/{id}/measures")
	@ResponseStatus(HttpStatus.CREATED)
	WeakLaxService.MeasureView measure(@PathVariable String id,
			@RequestBody(required = false) WeakLaxService.MeasureInput in) {
		return weakLax.measure(Ids.parse(id, "软弱涣散党组织记录"), in);
	}

	@PostMapping("/weak-and-lax/{id}/advance")
	WeakLaxService.Item advance(@PathVariable String id, @RequestBody(required = false) WeakLaxService.AdvanceInput in) {
		return weakLax.advance(Ids.parse(id, "软弱涣散党组织记录"), in);
	}

	@GetMapping("/organizations/{id}/weak-and-lax")
	WeakLaxService.Ledger list(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return weakLax.list(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/organizations/{id}/weak-and-lax.xlsx")
	ResponseEntity<byte[]> excel(@PathVariable String id, @RequestParam(required = false) Integer year) {
		WeakLaxService.Ledger ledger = weakLax.list(Ids.parse(id, "党组织"), year);
		return WeakLaxExcel.download(ledger);
	}
}
