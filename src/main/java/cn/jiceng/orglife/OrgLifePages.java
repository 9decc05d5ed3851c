package cn.jiceng.orglife;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.orglife.MeetingViews.AttendanceInput;
import cn.jiceng.orglife.MeetingViews.MeetingInput;
import cn.jiceng.orglife.MeetingViews.MeetingView;
import cn.jiceng.orglife.MeetingViews.RosterEntry;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organizational-life pages: the secretary's branch page (plan, meetings, one-tap attendance, evidence), the
 * four-color wall chart. Phone first. The township/county lists are in {@link OrgLifeListPages}.
 */
@Controller
class OrgLifePages {

	/** Statuses a secretary taps; an unlisted mobile member with a remote report counts as REMOTE by the rules. */
	static final List<AttendanceStatus> TAPPABLE = List.of(AttendanceStatus.PRESENT, AttendanceStatus.LATE_OR_EARLY,
			AttendanceStatus.LEAVE, AttendanceStatus.ABSENT);

	private final MeetingService meetings;
	private final MeetingReads reads;
	private final MeetingPlanService plans;
	private final EvidenceFiles files;
	private final FourColorService fourColors;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final Clock clock;

	OrgLifePages(MeetingService meetings, MeetingReads reads, MeetingPlanService plans, EvidenceFiles files,
			FourColorService fourColors,
			OrganizationService organizations, DataScope scope, Clock clock, OrgNavigation navigation) {
		this.meetings = meetings;
		this.reads = reads;
		this.plans = plans;
		this.files = files;
		this.fourColors = fourColors;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.clock = clock;
	}

	/** A branch account lands on its branch; higher organizations on their compliance table. */
	@GetMapping("/orglife")
	String index() {
		Caller c = scope.current().caller();
		OrgRef org = organizations.ref(c.organizationId()).orElseThrow();
		if (c.isMemberOnly()) {
			// a member sees what the branch publishes (the wall chart), not its meeting records
			return "redirect:/orglife/branches/" + org.id() + "/four-color";
		}
		return org.kind() == OrgKind.BRANCH ? "redirect:/orglife/branches/" + org.id()
				: "redirect:/orglife/compliance?organizationId=" + org.id();
	}

	// ---- the branch page ----

	@GetMapping("/orglife/branches/{id}")
	String branch(@PathVariable String id, @RequestParam(required = false) String month, Model model) {
		long branchId = Ids.parse(id, "党组织");
		scope.requireOrganization(branchId);
		OrgRef branch = reads.requireBranch(branchId);
		YearMonth m = monthOr(month, YearMonth.now(clock));
		List<MeetingPlanService.PlanView> yearPlans = plans.list(branchId, m.getYear());
		model.addAttribute("branch", branch);
		model.addAttribute("month", m.toString());
		model.addAttribute("monthLabel", m.getYear() + "年" + m.getMonthValue() + "月");
		model.addAttribute("prevMonth", m.minusMonths(1).toString());
		model.addAttribute("nextMonth", m.plusMonths(1).toString());
		model.addAttribute("plan", yearPlans.stream().filter(p -> p.month().equals(m)).findFirst().orElse(null));
		var list = reads.list(branchId, m.atDay(1), m.atEndOfMonth(), null, PageRequest.of(0, 100)).items();
		model.addAttribute("meetings", list);
		model.addAttribute("themedDayHeld", list.stream().anyMatch(s -> s.type() == MeetingType.THEMED_DAY));
		model.addAttribute("yearMeetings", reads.list(branchId, LocalDate.of(m.getYear(), 1, 1),
				LocalDate.of(m.getYear(), 12, 31), null, PageRequest.of(0, 1)).total());
		model.addAttribute("year", m.getYear());
		model.addAttribute("canWrite", MeetingService.WRITERS.contains(scope.current().caller().role()));
		return "orglife/branch";
	}

	// ---- monthly plan ----

	@GetMapping("/orglife/branches/{id}/plan")
	String planForm(@PathVariable String id, @RequestParam(required = false) String month, Model model) {
		long branchId = Ids.parse(id, "党组织");
		scope.requireOrganization(branchId);
		OrgRef branch = reads.requireBranch(branchId);
		YearMonth m = monthOr(month, YearMonth.now(clock).plusMonths(1));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("month", m.toString());
		plans.list(branchId, m.getYear()).stream().filter(p -> p.month().equals(m)).findFirst().ifPresent(p -> {
			form.put("theme", p.theme());
			form.put("content", p.content());
		});
		model.addAttribute("branch", branch);
		model.addAttribute("form", form);
		model.addAttribute("errors", Map.of());
		return "orglife/plan";
	}

	@PostMapping("/orglife/branches/{id}/plan")
	String savePlan(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long branchId = Ids.parse(id, "党组织");
		try {
			YearMonth m = parseMonth(form.get("month"), "month");
			MeetingPlanService.Saved saved = plans.upsert(branchId,
					new MeetingPlanService.PlanInput(m, form.get("theme"), form.get("content")));
			redirect.addFlashAttribute("flash", (saved.created() ? "已制定" : "已更新") + m + "活动方案：" + saved.plan().theme());
			return "redirect:/orglife/branches/" + branchId + "?month=" + m;
		}
		catch (InvalidInputException e) {
			model.addAttribute("branch", reads.requireBranch(branchId));
			model.addAttribute("form", form);
			model.addAttribute("errors", errors(e));
			return "orglife/plan";
		}
	}

	// ---- recording a meeting ----

	@GetMapping("/orglife/branches/{id}/meetings/new")
	String meetingForm(@PathVariable String id, @RequestParam(required = false) String heldOn,
			@RequestParam(required = false) String type, Model model) {
		long branchId = Ids.parse(id, "党组织");
		scope.requireOrganization(branchId);
		Map<String, String> form = new LinkedHashMap<>();
		LocalDate date = dateOr(heldOn, LocalDate.now(clock));
		form.put("heldOn", date.toString());
		form.put("type", type == null || type.isBlank() ? MeetingType.THEMED_DAY.name() : type);
		plans.list(branchId, date.getYear()).stream()
			.filter(p -> p.month().equals(YearMonth.from(date)))
			.findFirst()
			.ifPresent(p -> form.put("theme", p.theme()));
		fillMeetingForm(model, branchId, form, Map.of());
		return "orglife/meeting-form";
	}

	/** The attendance list for another date (htmx, when the date changes). */
	@GetMapping("/orglife/branches/{id}/roster")
	String roster(@PathVariable String id, @RequestParam(required = false) String heldOn, Model model) {
		long branchId = Ids.parse(id, "党组织");
		LocalDate date = dateOr(heldOn, LocalDate.now(clock));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("heldOn", date.toString());
		fillRoster(model, branchId, date, form);
		model.addAttribute("form", form);
		return "orglife/meeting-form :: roster";
	}

	@PostMapping("/orglife/branches/{id}/meetings")
	String record(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long branchId = Ids.parse(id, "党组织");
		try {
			LocalDate heldOn = parseDate(form.get("heldOn"), "heldOn");
			MeetingType type = cn.jiceng.common.FormInput.enumOrNull(MeetingType.class, form.get("type"));
			if (type != null && type.firstTopicExpected() && blank(form.get("firstTopic")) == null) {
				throw InvalidInputException.of("firstTopic",
						type.label() + "须记录第一议题（学习习近平新时代中国特色社会主义思想和总书记最新重要讲话精神）");
			}
			List<AttendanceInput> lines = new ArrayList<>();
			for (RosterEntry r : reads.rosterOn(branchId, heldOn)) {
				String status = form.get("att_" + r.memberId());
				if (status != null && !status.isBlank()) {
					lines.add(new AttendanceInput(r.memberId(), status));
				}
			}
			MeetingView saved = meetings.record(branchId, new MeetingInput(form.get("type"), heldOn, form.get("theme"),
					form.get("firstTopic"), blank(form.get("hostMemberId")), blank(form.get("generalMeeting")),
					form.get("minutes"), null, lines, "true".equals(form.get("additional"))));
			redirect.addFlashAttribute("flash", "已记录" + saved.heldOn() + saved.typeLabel() + "：" + saved.theme()
					+ (saved.backfilled() ? "（补录）" : ""));
			return "redirect:/orglife/meetings/" + saved.id();
		}
		catch (InvalidInputException e) {
			fillMeetingForm(model, branchId, form, errors(e));
			return "orglife/meeting-form";
		}
	}

	private void fillMeetingForm(Model model, long branchId, Map<String, String> form, Map<String, String> errors) {
		OrgRef branch = reads.requireBranch(branchId);
		LocalDate date = dateOr(form.get("heldOn"), LocalDate.now(clock));
		model.addAttribute("branch", branch);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("types", MeetingType.values());
		model.addAttribute("generalMeetings", GeneralMeeting.values());
		model.addAttribute("today", LocalDate.now(clock).toString());
		fillRoster(model, branchId, date, form);
	}

	private void fillRoster(Model model, long branchId, LocalDate date, Map<String, String> form) {
		List<RosterEntry> roster = reads.rosterOn(branchId, date);
		model.addAttribute("roster", roster);
		model.addAttribute("statuses", TAPPABLE);
		model.addAttribute("branchId", Long.toString(branchId));
		// Default: present, except a mobile member with this month's remote report, who is left to the rules (REMOTE).
		Map<String, String> chosen = new LinkedHashMap<>();
		for (RosterEntry r : roster) {
			String v = form.get("att_" + r.memberId());
			chosen.put(r.memberId(), v != null ? v : r.mobile() && r.remoteReported() ? "" : "PRESENT");
		}
		model.addAttribute("chosen", chosen);
	}

	// ---- one meeting and its evidence ----

	@GetMapping("/orglife/meetings/{id}")
	String meeting(@PathVariable String id, Model model) {
		long meetingId = Ids.parse(id, "会议记录");
		MeetingView m = reads.get(meetingId);
		model.addAttribute("m", m);
		model.addAttribute("names", reads.accountNames(java.util.Arrays.asList(m.recordedBy(), m.updatedBy())));
		model.addAttribute("canWrite", MeetingService.WRITERS.contains(scope.current().caller().role()));
		model.addAttribute("maxMb", files.maxBytes() / 1024 / 1024);
		return "orglife/meeting";
	}

	@PostMapping("/orglife/meetings/{id}/files")
	String upload(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		long meetingId = Ids.parse(id, "会议记录");
		try {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "请选择要上传的文件");
			}
			try (InputStream in = file.getInputStream()) {
				MeetingViews.FileView f = files.upload(meetingId, file.getOriginalFilename(), file.getSize(), in);
				redirect.addFlashAttribute("flash", "已上传：" + f.name());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
		}
		catch (EvidenceFiles.UnsupportedFileTypeException | EvidenceFiles.FileTooLargeException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/orglife/meetings/" + meetingId;
	}

	/** Evidence download for the session (the /api route takes bearer tokens only). */
	@GetMapping("/orglife/files/{id}")
	ResponseEntity<Resource> download(@PathVariable String id) {
		EvidenceFiles.Download d = files.open(Ids.parse(id, "文件"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(d.contentType()))
			.contentLength(d.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(d.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(d.path()));
	}

	// ---- four colors ----

	@GetMapping("/orglife/branches/{id}/four-color")
	String fourColor(@PathVariable String id, @RequestParam(required = false) Integer year, Model model) {
		long branchId = Ids.parse(id, "党组织");
		int y = yearOr(year);
		FourColorService.Grid grid = fourColors.branchYear(branchId, y);
		model.addAttribute("grid", grid);
		model.addAttribute("year", y);
		model.addAttribute("branchId", Long.toString(branchId));
		List<String> months = new ArrayList<>();
		for (int mo = 1; mo <= 12; mo++) {
			months.add(YearMonth.of(y, mo).toString());
		}
		model.addAttribute("months", months);
		Map<String, long[]> counts = new LinkedHashMap<>();
		for (FourColorService.MemberColors row : grid.members()) {
			long red = row.months().values().stream().filter(c -> c == FourColor.RED).count();
			long black = row.months().values().stream().filter(c -> c == FourColor.BLACK).count();
			counts.put(row.memberId(), new long[] { red, black });
		}
		model.addAttribute("counts", counts);
		return "orglife/four-color";
	}

	@GetMapping("/orglife/branches/{id}/four-color.pdf")
	ResponseEntity<byte[]> fourColorPdf(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false, defaultValue = "A4") String size) {
		int y = yearOr(year);
		FourColorService.Paper paper = "A3".equalsIgnoreCase(size) ? FourColorService.Paper.A3 : FourColorService.Paper.A4;
		return pdf(fourColors.branchYearPdf(Ids.parse(id, "党组织"), y, paper), "four-color-" + y + ".pdf");
	}

	// ---- helpers ----

	private int yearOr(Integer year) {
		return year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
	}

	private static YearMonth monthOr(String s, YearMonth fallback) {
		try {
			return s == null || s.isBlank() ? fallback : YearMonth.parse(s.trim());
		}
		catch (DateTimeParseException e) {
			return fallback;
		}
	}

	private static LocalDate dateOr(String s, LocalDate fallback) {
		try {
			return s == null || s.isBlank() ? fallback : LocalDate.parse(s.trim());
		}
		catch (DateTimeParseException e) {
			return fallback;
		}
	}

	private static YearMonth parseMonth(String s, String field) {
		try {
			if (s != null && !s.isBlank()) {
				return YearMonth.parse(s.trim());
			}
		}
		catch (DateTimeParseException e) {
			// reported below
		}
		throw InvalidInputException.of(field, "请填写月份（YYYY-MM）");
	}

	private static LocalDate parseDate(String s, String field) {
		try {
			if (s != null && !s.isBlank()) {
				return LocalDate.parse(s.trim());
			}
		}
		catch (DateTimeParseException e) {
			// reported below
		}
		throw InvalidInputException.of(field, "请填写会议日期");
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	/** Field → message; attendance lines are folded into one "attendance" entry. */
	static Map<String, String> errors(InvalidInputException e) {
		Map<String, String> out = new LinkedHashMap<>();
		for (FieldProblem p : e.errors()) {
			String field = p.field().startsWith("attendance") ? "attendance" : p.field();
			out.merge(field, p.message(), (a, b) -> a.equals(b) ? a : a + "；" + b);
		}
		if (out.isEmpty()) {
			out.put("form", e.getMessage());
		}
		return out;
	}

	private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
			.body(bytes);
	}
}
