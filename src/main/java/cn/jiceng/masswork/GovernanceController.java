package cn.jiceng.masswork;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import cn.jiceng.common.HtmlPdf;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Mass work": 四议两公开 decisions and their steps, and the printable record of a decision. */
@RestController
@RequestMapping("/api")
class GovernanceController {

	private final DecisionService decisions;
	private final ITemplateEngine templates;
	private final Clock clock;

	GovernanceController(DecisionService decisions, ITemplateEngine templates, Clock clock) {
		this.decisions = decisions;
		this.templates = templates;
		this.clock = clock;
	}

	@PostMapping("/organizations/{id}/decisions")
	@ResponseStatus(HttpStatus.CREATED)
	DecisionService.Decision create(@PathVariable String id, @RequestBody DecisionService.DecisionInput in) {
		return decisions.create(Ids.parse(id, "党组织"), in);
	}

	/** The decisions of the subtree; {@code status} IN_PROGRESS or COMPLETED, {@code year} of creation. */
	@GetMapping("/organizations/{id}/decisions")
	PageResult<DecisionService.Listed> list(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		if (status != null && !status.isBlank() && !DecisionService.IN_PROGRESS.equals(status)
				&& !DecisionService.COMPLETED.equals(status)) {
			throw InvalidInputException.of("status", "状态应为 IN_PROGRESS（进行中）或 COMPLETED（已完成）");
		}
		return decisions.list(Ids.parse(id, "党组织"), year, status, PageRequest.of(page, size));
	}

	/** Answers 201 with the whole decision: its steps so far and the next one. */
	@PostMapping("/decisions/{id}/steps")
	@ResponseStatus(HttpStatus.CREATED)
	DecisionService.Decision step(@PathVariable String id, @RequestBody DecisionService.StepInput in) {
		return decisions.recordStep(Ids.parse(id, "决策事项"), in);
	}

	@GetMapping("/decisions/{id}")
	DecisionService.Decision get(@PathVariable String id) {
		return decisions.find(Ids.parse(id, "决策事项"));
	}

	@GetMapping("/decisions/{id}/record.pdf")
	ResponseEntity<byte[]> record(@PathVariable String id) {
		DecisionService.Decision d = decisions.find(Ids.parse(id, "决策事项"));
		String html = templates.process("masswork/pdf/decision",
				new Context(Locale.SIMPLIFIED_CHINESE, Map.of("d", d, "printedOn", LocalDate.now(clock),
						"sequence", DecisionPolicy.sequence(d.combinedProposal()))));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"decision-" + d.id() + ".pdf\"")
			.body(HtmlPdf.render(html));
	}
}
