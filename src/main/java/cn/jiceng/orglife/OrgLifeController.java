package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.FormInput;
import cn.jiceng.access.DataScope;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.orglife.MeetingViews.AttendanceInput;
import cn.jiceng.orglife.MeetingViews.MeetingInput;
import cn.jiceng.orglife.MeetingViews.MeetingPatch;
import cn.jiceng.orglife.MeetingViews.MeetingSummary;
import cn.jiceng.orglife.MeetingViews.MeetingView;
import cn.jiceng.orglife.MeetingViews.RosterEntry;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The organizational-life API of API.md, plus the reads the pages need. */
@RestController
class OrgLifeController {

	private final MeetingService meetings;
	private final MeetingReads reads;
	private final MeetingPlanService plans;
	private final RemoteReportService reports;
	private final FourColorService fourColors;
	private final AccountabilityService accountability;
	private final ComplianceService compliance;
	private final YearClosing years;
	private final OrgLifeFacts facts;
	private final DataScope scope;
	private final Clock clock;

	OrgLifeController(MeetingService meetings, MeetingReads reads, MeetingPlanService plans, RemoteReportService reports,
			FourColorService fourColors, AccountabilityService accountability, ComplianceService compliance,
			YearClosing years, OrgLifeFacts facts, DataScope scope, Clock clock) {
		this.meetings = meetings;
		this.reads = reads;
		this.plans = plans;
		this.reports = reports;
		this.fourColors = fourColors;
		this.accountability = accountability;
		this.compliance = compliance;
		this.years = years;
		this.facts = facts;
		this.scope = scope;
		this.clock = clock;
	}

	// ---- meetings ---------------------------------------------------------------------------------------------

	@PostMapping("/api/organizations/{branchId}/meetings")
	@ResponseStatus(HttpStatus.CREATED)
	MeetingView record(@PathVariable String branchId, @RequestBody MeetingInput in) {
		return meetings.record(Ids.parse(branchId, "党组织"), in);
	}

	@GetMapping("/api/organizations/{id}/meetings")
	PageResult<MeetingSummary> list(@PathVariable String id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		MeetingType t = null;
		if (type != null && !type.isBlank()) {
			List<cn.jiceng.common.FieldProblem> problems = new java.util.ArrayList<>();
			t = FormInput.parseEnum(MeetingType.class, type, "type", "会议类型不正确", problems, false);
			if (!problems.isEmpty()) {
				throw new InvalidInputException("会议类型不正确", problems);
			}
		}
		return reads.list(Ids.parse(id, "党组织"), from, to, t, PageRequest.of(page, size));
	}

	@GetMapping("/api/meetings/{id}")
	MeetingView get(@PathVariable String id) {
		return reads.get(Ids.parse(id, "会议记录"));
	}

	@PatchMapping("/api/meetings/{id}")
	MeetingView patch(@PathVariable String id, @RequestBody MeetingPatch patch) {
		return meetings.patch(Ids.parse(id, "会议记录"), patch);
	}

	record AttendanceReplacement(Integer version, List<AttendanceInput> attendance) {
	}

	@PutMapping("/api/meetings/{id}/attendance")
	MeetingView replaceAttendance(@PathVariable String id, @RequestBody AttendanceReplacement body) {
		return meetings.replaceAttendance(Ids.parse(id, "会议记录"), body.version(), body.attendance());
	}

	@DeleteMapping("/api/meetings/{id}")
	ResponseEntity<Void> delete(@PathVariable String id, @RequestParam(required = false) Integer version) {
		meetings.delete(Ids.parse(id, "会议记录"), version);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/organizations/{branchId}/roster")
	List<RosterEntry> roster(@PathVariable String branchId, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		return reads.rosterOn(Ids.parse(branchId, "党组织"), on == null ? LocalDate.now(clock) : on);
	}

	// ---- plans ------------------------------------------------------------------------------------------------

	@PostMapping("/api/organizations/{branchId}/plans")
	ResponseEntity<MeetingPlanService.PlanView> plan(@PathVariable String branchId,
			@RequestBody MeetingPlanService.PlanInput in) {
		MeetingPlanService.Saved saved = plans.upsert(Ids.parse(branchId, "党组织"), in);
		return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.plan());
	}

	@GetMapping("/api/organizations/{id}/plans")
	Map<String, Object> plans(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return Map.of("items", plans.list(Ids.parse(id, "党组织"), yearOr(year)));
	}

	// ---- remote reports ---------------------------------------------------------------------------------------

	@PostMapping("/api/members/{id}/remote-reports")
	@ResponseStatus(HttpStatus.CREATED)
	RemoteReportService.ReportView fileReport(@PathVariable String id, @RequestBody RemoteReportService.ReportInput in) {
		return reports.file(Ids.parse(id, "党员"), in);
	}

	@GetMapping("/api/members/{id}/remote-reports")
	Map<String, Object> memberReports(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return Map.of("items", reports.ofMember(Ids.parse(id, "党员"), yearOr(year)));
	}

	@GetMapping("/api/organizations/{id}/remote-reports")
	Map<String, Object> subtreeReports(@PathVariable String id, @RequestParam(required = false) YearMonth month) {
		return Map.of("items", reports.ofSubtree(Ids.parse(id, "党组织"),
				month == null ? YearMonth.from(LocalDate.now(clock)) : month));
	}

	@GetMapping("/api/members/{id}/attendance")
	Map<String, Object> memberAttendance(@PathVariable String id, @RequestParam(required = false) Integer year) {
		long memberId = Ids.parse(id, "党员");
		scope.requireMember(memberId);
		return Map.of("memberId", id, "year", yearOr(year), "items", facts.attendanceOf(memberId, yearOr(year)));
	}

	// ---- four colors ------------------------------------------------------------------------------------------

	@GetMapping("/api/organizations/{branchId}/four-color")
	FourColorService.Grid fourColor(@PathVariable String branchId, @RequestParam(required = false) Integer year) {
		return fourColors.branchYear(Ids.parse(branchId, "党组织"), yearOr(year));
	}

	@GetMapping("/api/organizations/{branchId}/four-color.pdf")
	ResponseEntity<byte[]> fourColorPdf(@PathVariable String branchId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false, defaultValue = "A4") String size) {
		FourColorService.Paper paper;
		try {
			paper = FourColorService.Paper.valueOf(size.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("size", "纸张应为 A4 或 A3");
		}
		int y = yearOr(year);
		return pdf(fourColors.branchYearPdf(Ids.parse(branchId, "党组织"), y, paper), "four-color-" + y + ".pdf");
	}

	// ---- accountability and exemptions ------------------------------------------------------------------------

	@PostMapping("/api/organizations/{branchId}/themed-day-exemptions")
	@ResponseStatus(HttpStatus.CREATED)
	AccountabilityService.ExemptionView grant(@PathVariable String branchId,
			@RequestBody AccountabilityService.ExemptionInput in) {
		return accountability.grant(Ids.parse(branchId, "党组织"), in);
	}

	@GetMapping("/api/organizations/{id}/themed-day-exemptions")
	Map<String, Object> exemptions(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return Map.of("items", accountability.exemptions(Ids.parse(id, "党组织"), yearOr(year)));
	}

	@DeleteMapping("/api/themed-day-exemptions/{id}")
	ResponseEntity<Void> revoke(@PathVariable String id) {
		accountability.revoke(Ids.parse(id, "免责记录"));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/organizations/{id}/accountability")
	AccountabilityService.Report accountability(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return accountability.report(Ids.parse(id, "党组织"), yearOr(year));
	}

	@GetMapping("/api/organizations/{id}/accountability.pdf")
	ResponseEntity<byte[]> accountabilityPdf(@PathVariable String id, @RequestParam(required = false) Integer year) {
		int y = yearOr(year);
		return pdf(accountability.bulletinPdf(Ids.parse(id, "党组织"), y), "accountability-" + y + ".pdf");
	}

	// ---- compliance -------------------------------------------------------------------------------------------

	@GetMapping("/api/organizations/{id}/compliance")
	ComplianceService.Report compliance(@PathVariable String id, @RequestParam(required = false) YearMonth month) {
		return compliance.monthly(Ids.parse(id, "党组织"), month == null ? YearMonth.from(LocalDate.now(clock)) : month);
	}

	@GetMapping("/api/organizations/{id}/compliance/year")
	Map<String, Object> complianceYear(@PathVariable String id, @RequestParam(required = false) Integer year) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organizationId", id);
		body.put("year", yearOr(year));
		body.put("months", compliance.year(Ids.parse(id, "党组织"), yearOr(year)));
		return body;
	}

	// ---- year closing -----------------------------------------------------------------------------------------

	@GetMapping("/api/orglife/closed-years")
	Map<String, Object> closedYears() {
		return Map.of("items", years.closedYears());
	}

	record CloseYear(Integer year) {
	}

	@PostMapping("/api/orglife/closed-years")
	@ResponseStatus(HttpStatus.CREATED)
	YearClosing.ClosedYear close(@RequestBody CloseYear body) {
		return years.close(body.year());
	}

	@DeleteMapping("/api/orglife/closed-years/{year}")
	ResponseEntity<Void> reopen(@PathVariable int year) {
		years.reopen(year);
		return ResponseEntity.noContent().build();
	}

	private int yearOr(Integer year) {
		return FourColorService.checkYear(year == null ? LocalDate.now(clock).getYear() : year);
	}

	private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
			.body(bytes);
	}
}
