package cn.jiceng.masswork;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiceng.common.HtmlPdf;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.Workbooks;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
	private final GovernanceService governance;
	private final ITemplateEngine templates;
	private final Clock clock;

	GovernanceController(DecisionService decisions, GovernanceService governance, ITemplateEngine templates,
			Clock clock) {
		this.decisions = decisions;
		this.governance = governance;
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

	// ---- village 135 ----

	@PostMapping("/organizations/{id}/village-bodies")
	@ResponseStatus(HttpStatus.CREATED)
	GovernanceService.Body registerBody(@PathVariable String id, @RequestBody GovernanceService.BodyInput in) {
		return governance.registerBody(Ids.parse(id, "党组织"), in);
	}

	@PatchMapping("/village-bodies/{id}")
	GovernanceService.Body changeBody(@PathVariable String id,
			@RequestBody(required = false) GovernanceService.BodyChange in) {
		return governance.changeBody(Ids.parse(id, "村级组织"), in);
	}

	@GetMapping("/organizations/{id}/village-bodies")
	List<GovernanceService.Body> bodies(@PathVariable String id) {
		return governance.bodies(Ids.parse(id, "党组织"));
	}

	@PostMapping("/members/{id}/commitments")
	@ResponseStatus(HttpStatus.CREATED)
	GovernanceService.Commitment commit(@PathVariable String id, @RequestBody GovernanceService.CommitmentInput in) {
		return governance.commit(Ids.parse(id, "党员"), in);
	}

	@GetMapping("/members/{id}/commitments")
	List<GovernanceService.Commitment> commitments(@PathVariable String id) {
		return governance.commitmentsOf(Ids.parse(id, "党员"));
	}

	@PostMapping("/organizations/{id}/duty-roster")
	@ResponseStatus(HttpStatus.CREATED)
	GovernanceService.Roster roster(@PathVariable String id, @RequestBody GovernanceService.RosterInput in) {
		return governance.roster(Ids.parse(id, "党组织"), in);
	}

	@GetMapping("/organizations/{id}/duty-roster")
	List<GovernanceService.Roster> rosters(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return governance.rosters(Ids.parse(id, "党组织"), year(year));
	}

	@PostMapping("/organizations/{id}/weekly-meetings")
	@ResponseStatus(HttpStatus.CREATED)
	GovernanceService.WeeklyMeeting weeklyMeeting(@PathVariable String id,
			@RequestBody GovernanceService.MeetingInput in) {
		return governance.weeklyMeeting(Ids.parse(id, "党组织"), in);
	}

	@GetMapping("/organizations/{id}/weekly-meetings")
	List<GovernanceService.WeeklyMeeting> weeklyMeetings(@PathVariable String id,
			@RequestParam(required = false) Integer year) {
		return governance.weeklyMeetings(Ids.parse(id, "党组织"), year(year));
	}

	/** API.md: {@code {"bodies":{…},"systems":{…}}} of a village (plus its id, name and the year). */
	@GetMapping("/organizations/{id}/governance-135")
	GovernanceService.Governance governance(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return governance.governance(Ids.parse(id, "党组织"), year(year));
	}

	/** The township table (beyond API.md): every village of the subtree × the three bodies and five systems. */
	@GetMapping("/organizations/{id}/governance-135/villages")
	List<GovernanceService.VillageRow> villages(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return governance.villages(Ids.parse(id, "党组织"), year(year));
	}

	@GetMapping("/organizations/{id}/governance-135/villages.xlsx")
	ResponseEntity<byte[]> villagesXlsx(@PathVariable String id, @RequestParam(required = false) Integer year) {
		int y = year(year);
		List<GovernanceService.VillageRow> rows = governance.villages(Ids.parse(id, "党组织"), y);
		return Workbooks.download("村级135-" + y + ".xlsx", "村级135", GovernanceTable.HEAD, GovernanceTable.rows(rows));
	}

	private int year(Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw InvalidInputException.of("year", "年份应在2000至2100之间");
		}
		return y;
	}
}
