package cn.jiceng.masswork;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.common.ConflictException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cadre's pages, phone width first: the errand list with "record an errand" and one-tap completion, the visit
 * form with household search, and the coverage and errand table of a township or the county.
 */
@Controller
class MassworkPages {

	private final HouseholdService households;
	private final ErrandService errands;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final RuleSettingsService settings;
	private final Clock clock;

	MassworkPages(HouseholdService households, ErrandService errands, OrganizationService organizations,
			OrgNavigation navigation, DataScope scope, RuleSettingsService settings, Clock clock) {
		this.settings = settings;
		this.households = households;
		this.errands = errands;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.clock = clock;
	}

	// ---- errands ----

	@GetMapping("/masswork/errands")
	String errandList(@RequestParam(required = false) String org, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("organizationId", org == null ? "" : org);
		form.put("requester", "");
		form.put("content", "");
		form.put("receivedAt", nowLocal());
		return errandPage(navigation.chosenOrOwn(org), form, List.of(), model);
	}

	@PostMapping("/masswork/errands")
	String receive(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String requester,
			@RequestParam(required = false) String content, @RequestParam(required = false) String receivedAt,
			Model model, RedirectAttributes redirect) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("organizationId", organizationId == null ? "" : organizationId);
		form.put("requester", requester == null ? "" : requester);
		form.put("content", content == null ? "" : content);
		form.put("receivedAt", receivedAt == null ? "" : receivedAt);
		long listed = navigation.chosenOrOwn(null);
		if (organizationId == null || organizationId.isBlank()) {
			return errandPage(listed, form, List.of(new FieldProblem("organizationId", "请选择村（社区）")), model);
		}
		try {
			ErrandService.Errand e = errands.receive(Ids.parse(organizationId, "党组织"),
					new ErrandService.ErrandInput(requester, content, countyInstant(receivedAt), null));
			redirect.addFlashAttribute("flash", "已受理「" + e.requester() + "」的代办事项，请于当日办结或答复");
			return "redirect:/masswork/errands";
		}
		catch (InvalidInputException e) {
			return errandPage(listed, form, e.errors(), model);
		}
		catch (RuleViolationException e) {
			model.addAttribute("problem", e.getMessage());
			return errandPage(listed, form, List.of(), model);
		}
	}

	@PostMapping("/masswork/errands/{id}/complete")
	String complete(@PathVariable String id, @RequestParam(required = false) String result,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		return act(redirect, "已办结", () -> errands.complete(Ids.parse(id, "代办事项"),
				new ErrandService.CompleteInput(ErrandService.county(clock.instant()).toString(), result, version)));
	}

	@PostMapping("/masswork/errands/{id}/defer")
	String defer(@PathVariable String id, @RequestParam(required = false) String reply,
			@RequestParam(required = false) String promisedOn, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return act(redirect, "已答复并承诺办结日期", () -> errands.defer(Ids.parse(id, "代办事项"),
				new ErrandService.DeferInput(ErrandService.county(clock.instant()).toString(), reply, promisedOn, version)));
	}

	@PostMapping("/masswork/errands/{id}/feedback")
	String feedback(@PathVariable String id, @RequestParam(required = false) String satisfaction,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		return act(redirect, "已登记满意度",
				() -> errands.feedback(Ids.parse(id, "代办事项"), new ErrandService.FeedbackInput(satisfaction, version)));
	}

	private String act(RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/masswork/errands";
	}

	private String errandPage(long orgId, Map<String, String> form, List<FieldProblem> errors, Model model) {
		LocalDate today = LocalDate.now(clock);
		ErrandService.ErrandList list = errands.list(orgId, today.minusDays(30), today, null);
		List<ErrandService.Errand> open = list.items().stream().filter(e -> e.status() != ErrandStatus.DONE).toList();
		List<ErrandService.Errand> done = list.items().stream().filter(e -> e.status() == ErrandStatus.DONE).toList();
		model.addAttribute("open", open);
		model.addAttribute("done", done);
		model.addAttribute("summary", list.summary());
		model.addAttribute("orgName", organizations.ref(orgId).map(o -> o.name()).orElse(""));
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors(errors));
		model.addAttribute("places", places());
		model.addAttribute("canWrite", HouseholdService.WRITERS.contains(scope.current().caller().role()));
		model.addAttribute("tomorrow", today.plusDays(1).toString());
		model.addAttribute("satisfactions", Satisfaction.values());
		organizations.ref(orgId).ifPresent(o -> workDays(o.countyId(), today, model));
		return "masswork/errands";
	}

	/** One day of the cadre's month calendar; {@code day} null for the blanks before the 1st. */
	record CalendarDay(Integer day, boolean workDay, boolean today) {
	}

	/** The 秤砣 work days of the setting on the cadre's month calendar, with today's and the next one. */
	private void workDays(long countyId, LocalDate today, Model model) {
		String days = settings.forCountyYear(countyId, today.getYear()).get(RuleCatalog.MASS_WORK_DAYS);
		YearMonth month = YearMonth.from(today);
		List<LocalDate> work = MassWorkDayPolicy.inMonth(days, month);
		List<List<CalendarDay>> weeks = new ArrayList<>();
		List<CalendarDay> week = new ArrayList<>();
		for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
			week.add(new CalendarDay(null, false, false));
		}
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate date = month.atDay(d);
			week.add(new CalendarDay(d, work.contains(date), date.equals(today)));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(new CalendarDay(null, false, false));
			}
			weeks.add(week);
		}
		model.addAttribute("workDays", MassWorkDayPolicy.describe(days));
		model.addAttribute("workDayToday", MassWorkDayPolicy.isWorkDay(days, today));
		model.addAttribute("nextWorkDay", MassWorkDayPolicy.next(days, today));
		model.addAttribute("calendarMonth", month.getYear() + "年" + month.getMonthValue() + "月");
		model.addAttribute("calendar", weeks);
	}

	// ---- visits ----

	@GetMapping("/masswork/visits/new")
	String visitForm(@RequestParam(required = false) String q, @RequestParam(required = false) String household,
			Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("householdId", household == null ? "" : household);
		form.put("on", LocalDate.now(clock).toString());
		form.put("notes", "");
		form.put("findings", "");
		form.put("followUp", "");
		return visitPage(q, form, List.of(), List.of(), model);
	}

	@PostMapping("/masswork/visits")
	String visit(@RequestParam(required = false) String householdId, @RequestParam(required = false) String on,
			@RequestParam(required = false) List<String> questions, @RequestParam(required = false) String notes,
			@RequestParam(required = false) String findings, @RequestParam(required = false) String followUp,
			Model model, RedirectAttributes redirect) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("householdId", householdId == null ? "" : householdId);
		form.put("on", on == null ? "" : on);
		form.put("notes", notes == null ? "" : notes);
		form.put("findings", findings == null ? "" : findings);
		form.put("followUp", followUp == null ? "" : followUp);
		List<String> asked = questions == null ? List.of() : questions;
		if (householdId == null || householdId.isBlank()) {
			return visitPage(null, form, asked, List.of(new FieldProblem("householdId", "请先搜索并选择走访的农户")), model);
		}
		try {
			Long member = scope.current().caller().memberId();
			HouseholdService.Visit v = households.recordVisit(Ids.parse(householdId, "农户"),
					new HouseholdService.VisitInput(on, member == null ? null : member.toString(), notes, asked,
							findings, followUp));
			redirect.addFlashAttribute("flash", "已记录对「" + v.head() + "」户的走访（" + v.on() + "）");
			return "redirect:/masswork/visits/new";
		}
		catch (InvalidInputException e) {
			return visitPage(null, form, asked, e.errors(), model);
		}
		catch (RuleViolationException e) {
			model.addAttribute("problem", e.getMessage());
			return visitPage(null, form, asked, List.of(), model);
		}
	}

	private String visitPage(String q, Map<String, String> form, List<String> asked, List<FieldProblem> errors,
			Model model) {
		long own = navigation.chosenOrOwn(null);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("results", q == null || q.isBlank() ? List.of()
				: households.list(own, q, PageRequest.of(0, 20)).items());
		HouseholdService.Household chosen = null;
		if (!form.get("householdId").isBlank()) {
			chosen = households.find(Ids.parse(form.get("householdId"), "农户"));
		}
		model.addAttribute("chosen", chosen);
		model.addAttribute("form", form);
		model.addAttribute("asked", asked);
		model.addAttribute("questions", FiveQuestion.values());
		model.addAttribute("errors", fieldErrors(errors));
		model.addAttribute("diary", households.diary(10));
		return "masswork/visit";
	}

	// ---- township table ----

	@GetMapping("/masswork/table")
	String table(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		List<MassworkTable> rows = MassworkTable.rows(households.coverageByChild(orgId, y),
				errands.rates(orgId, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
		model.addAttribute("rows", rows);
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("year", y);
		List<Integer> years = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			years.add(LocalDate.now(clock).getYear() - i);
		}
		model.addAttribute("years", years);
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		return "masswork/table";
	}

	private List<OrgNavigation.OrgOption> places() {
		return navigation.optionsInScope(List.of(OrgKind.BRANCH, OrgKind.GENERAL_BRANCH, OrgKind.COMMITTEE), null);
	}

	private static Map<String, String> fieldErrors(List<FieldProblem> errors) {
		Map<String, String> m = new LinkedHashMap<>();
		errors.forEach(p -> m.putIfAbsent(p.field(), p.message()));
		return m;
	}

	private String nowLocal() {
		return LocalDateTime.now(clock.withZone(ErrandPolicy.COUNTY)).withSecond(0).withNano(0).toString();
	}

	/** The form's datetime-local is county time; blank stays blank so the service names the field. */
	private static String countyInstant(String local) {
		if (local == null || local.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(local.trim()).atZone(ErrandPolicy.COUNTY).toOffsetDateTime().toString();
		}
		catch (DateTimeParseException e) {
			return local;
		}
	}

}
