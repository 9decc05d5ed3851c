package cn.jiceng.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Terms of office and elections (换届). */
@RestController
@RequestMapping("/api/organizations/{id}")
class TermController {

	private final TermService terms;
	private final ElectionService elections;
	private final Clock clock;

	TermController(TermService terms, ElectionService elections, Clock clock) {
		this.terms = terms;
		this.elections = elections;
		this.clock = clock;
	}

	@GetMapping("/terms")
	TermService.TermReport terms(@PathVariable String id, @RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw InvalidInputException.of("year", "年份不正确");
		}
		return terms.report(Ids.parse(id, "党组织"), y);
	}

	@PostMapping("/elections")
	@ResponseStatus(HttpStatus.CREATED)
	ElectionService.ElectionView elect(@PathVariable String id, @RequestBody ElectionService.ElectionRequest req) {
		return elections.record(Ids.parse(id, "党组织"), req);
	}

	@GetMapping("/elections")
	List<ElectionService.ElectionView> history(@PathVariable String id) {
		return elections.history(Ids.parse(id, "党组织"));
	}
}
