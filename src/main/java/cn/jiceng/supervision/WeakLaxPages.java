package cn.jiceng.supervision;

import static cn.jiceng.settings.RuleCatalog.INACTIVE_AFTER_MONTHS;
import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_CLOSING_COMPLIANT_MONTHS;
import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_COMPLIANCE_BELOW;
import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_NO_CANDIDATE_YEARS;
import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_SATISFACTION_BELOW;
import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_VACANCY_MONTHS;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weak-and-lax pages (一村一策台账): the ledger of a subtree and year with stages, measures and the advance
 * buttons; the candidate run with every criterion explained; the county's confirmation with the helpers picked by
 * name.
 */
@Controller
class WeakLaxPages {

	private static final List<String> HELPERS = List.of("countyLeaderMemberId", "townshipSecretaryMemberId",
			"residentCadreMemberId");

	private static final Map<String, String> HELPER_LABELS = Map.of("countyLeaderMemberId", "挂点县级领导",
			"townshipSecretaryMemberId", "联点乡镇党委书记", "residentCadreMemberId", "驻点乡镇干部");

	private final WeakLaxService weakLax;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final RuleSettingsService settings;
	private final DataScope scope;
	private final Clock clock;

	WeakLaxPages(WeakLaxService weakLax, OrganizationService organizations, OrgNavigation navigation,
			RuleSettingsService settings, DataScope scope, Clock clock) {
		this.weakLax = weakLax;
		this.organizations = organizations;
		this.navigation = navigation;
		this.settings = settings;
		this.scope = scope;
		this.clock = clock;
	}

	private void picker(Model model, long orgId) {
		model.addAttribute("org", organizations.get(orgId));
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("children", organizations.children(orgId).stream()
			.filter(c -> c.kind() != OrgKind.GROUP)
			.toList());
	}

	private List<Integer> years() {
		int current = LocalDate.now(clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = current; y >= current - 3; y--) {
			years.add(y);
		}
		return years;
	}

	private Role role() {
		return scope.current().caller().role();
	}

	// ---- the ledger -----------------------------------------------------------------------------------------

	@GetMapping("/supervision/weak-and-lax")
	String ledger(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		WeakLaxService.Ledger ledger = weakLax.list(orgId, year);
		model.addAttribute("items", ledger.items());
		model.addAttribute("year", ledger.year());
		model.addAttribute("years", years());
		Map<WeakLaxStatus, Long> counts = new LinkedHashMap<>();
		for (WeakLaxStatus s : WeakLaxStatus.values()) {
			counts.put(s, ledger.items().stream().filter(i -> i.status() == s).count());
		}
		model.addAttribute("counts", counts);
		Map<String, WeakLaxStatus> next = new LinkedHashMap<>();
		for (WeakLaxService.Item i : ledger.items()) {
			if (i.status() != WeakLaxStatus.CLOSED) {
				next.put(i.id(), WeakLaxStatus.values()[i.status().ordinal() + 1]);
			}
		}
		model.addAttribute("next", next);
		model.addAttribute("measureKinds", WeakLaxMeasureKind.values());
		model.addAttribute("canMeasure", WeakLaxService.MEASURE_WRITERS.contains(role()));
		model.addAttribute("canAdvance", WeakLaxService.ADVANCERS.contains(role()));
		model.addAttribute("isCounty", role() == Role.COUNTY_ADMIN);
		model.addAttribute("canRun", WeakLaxService.READERS.contains(role()));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("closingMonths", rules(year).get(WEAK_LAX_CLOSING_COMPLIANT_MONTHS));
		picker(model, orgId);
		return "supervision/weak-lax";
	}

	private RuleSettings rules(Integer year) {
		return settings.forCountyYear(scope.current().caller().countyId(),
				year == null ? LocalDate.now(clock).getYear() : year);
	}

	@PostMapping("/supervision/weak-and-lax/{id}/measures")
	String measure(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long wid = Ids.parse(id, "软弱涣散党组织记录");
		WeakLaxService.Item item = weakLax.get(wid);
		try {
			WeakLaxService.MeasureView m = weakLax.measure(wid,
					new WeakLaxService.MeasureInput(form.get("on"), form.get("kind"), form.get("note")));
			redirect.addFlashAttribute("flash", item.name() + "：已登记帮扶措施（" + m.kindLabel() + "）");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", item.name() + "：" + message(e));
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", item.name() + "：" + e.getMessage());
		}
		return back(form, item);
	}

	@PostMapping("/supervision/weak-and-lax/{id}/advance")
	String advance(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long wid = Ids.parse(id, "软弱涣散党组织记录");
		WeakLaxService.Item item = weakLax.get(wid);
		Integer version = null;
		try {
			version = Integer.valueOf(form.getOrDefault("version", ""));
		}
		catch (NumberFormatException e) {
			// no version: the row lock still serializes the step
		}
		try {
			WeakLaxService.Item after = weakLax.advance(wid, new WeakLaxService.AdvanceInput(form.get("to"), version));
			redirect.addFlashAttribute("flash", item.name() + "：已推进到“" + after.statusLabel() + "”");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", item.name() + "：" + message(e));
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", item.name() + "：" + e.getMessage());
		}
		return back(form, item);
	}

	private static String back(Map<String, String> form, WeakLaxService.Item item) {
		String org = form.get("org");
		return "redirect:/supervision/weak-and-lax?org=" + (org == null || org.isBlank() ? item.organizationId()
				: Ids.parse(org, "党组织")) + "&year=" + item.year();
	}

	private static String message(InvalidInputException e) {
		if (!e.errors().isEmpty()) {
			return e.errors().stream().map(FieldProblem::message).distinct().reduce((a, b) -> a + "；" + b)
				.orElse(e.getMessage());
		}
		return e.getMessage();
	}

	// ---- the candidate run ----------------------------------------------------------------------------------

	/** What each criterion means with the settings in force, for the page's explanation. */
	private Map<String, String> explanations(RuleSettings rules) {
		Map<String, String> text = new LinkedHashMap<>();
		text.put("SECRETARY_VACANT", "书记岗位空缺超过" + rules.get(WEAK_LAX_VACANCY_MONTHS) + "个月（按班子任职记录，空缺延续到当年）");
		text.put("ORG_LIFE_NOT_HELD", "支部当年已结束月份的组织生活台账达标率低于" + rules.get(WEAK_LAX_COMPLIANCE_BELOW) + "%，或最近"
				+ rules.get(INACTIVE_AFTER_MONTHS) + "个月未开展任何组织生活（疑似空壳）");
		text.put("NO_NEW_CANDIDATES", "村（乡镇直属的农村党组织）连续" + rules.get(WEAK_LAX_NO_CANDIDATE_YEARS)
				+ "年（含当年）没有确定发展对象");
		text.put("LAST_IN_INSPECTION", "在当年已发布的通报排名中排名末位（并列末位均计入）");
		text.put("LOW_SATISFACTION", "为民办事群众满意率低于" + rules.get(WEAK_LAX_SATISFACTION_BELOW) + "%");
		return text;
	}

	@GetMapping("/supervision/weak-and-lax/candidates")
	String candidates(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		WeakLaxService.Candidates run = weakLax.candidates(orgId, year);
		Map<String, String> explained = explanations(rules(run.year()));
		List<String[]> criteria = new ArrayList<>();
		for (WeakLaxService.CriterionInfo c : run.criteria()) {
			criteria.add(new String[] { c.code(), c.label(), explained.getOrDefault(c.code(), c.label()) });
		}
		model.addAttribute("criteria", criteria);
		model.addAttribute("items", run.items());
		model.addAttribute("year", run.year());
		model.addAttribute("years", years());
		model.addAttribute("isCounty", role() == Role.COUNTY_ADMIN);
		model.addAttribute("nationalList", WeakLaxPolicy.NATIONAL_LIST);
		picker(model, orgId);
		return "supervision/weak-lax-candidates";
	}

	// ---- confirmation ---------------------------------------------------------------------------------------

	@GetMapping("/supervision/weak-and-lax/confirm")
	String confirmForm(@RequestParam String org, @RequestParam(required = false) Integer year, Model model) {
		scope.requireWriter(java.util.Set.of(Role.COUNTY_ADMIN));
		long orgId = Ids.parse(org, "党组织");
		scope.requireOrganization(orgId);
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		fillConfirm(model, orgId, y, null, Map.of(), null);
		return "supervision/weak-lax-confirm";
	}

	@PostMapping("/supervision/weak-and-lax/confirm")
	String confirm(@RequestParam String org, @RequestParam Map<String, String> form,
			@RequestParam(name = "criteria", required = false) List<String> codes, Model model,
			RedirectAttributes redirect) {
		long orgId = Ids.parse(org, "党组织");
		Integer year = null;
		try {
			year = Integer.valueOf(form.getOrDefault("year", ""));
		}
		catch (NumberFormatException e) {
			// the service names the field
		}
		List<Object> criteria = new ArrayList<>();
		String note = form.get("note");
		String preset = form.get("national");
		if (preset != null && !preset.isBlank() && (note == null || note.isBlank())) {
			note = preset;
		}
		else if (preset != null && !preset.isBlank()) {
			note = preset + "：" + note.strip();
		}
		for (String code : codes == null ? List.<String>of() : codes) {
			criteria.add(code.equals(WeakLaxPolicy.MANUAL) ? Map.of("code", code, "note", note == null ? "" : note)
					: code);
		}
		try {
			WeakLaxService.Item item = weakLax.confirm(new WeakLaxService.ConfirmInput(year, Long.toString(orgId),
					criteria, note, form.get("countyLeaderMemberId"), form.get("townshipSecretaryMemberId"),
					form.get("residentCadreMemberId")));
			redirect.addFlashAttribute("flash", item.name() + "已列入" + item.year() + "年软弱涣散党组织名单，进入“整顿中”");
			OrgRef target = organizations.ref(orgId).orElseThrow();
			return "redirect:/supervision/weak-and-lax?org=" + (target.parentId() == null ? orgId : target.parentId())
					+ "&year=" + item.year();
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem p : e.errors()) {
				errors.merge(p.field().startsWith("criteria") ? "criteria" : p.field(), p.message(), (a, b) -> a + "；" + b);
			}
			fillConfirm(model, orgId, year == null ? LocalDate.now(clock).getYear() : year, form, errors, message(e));
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			fillConfirm(model, orgId, year == null ? LocalDate.now(clock).getYear() : year, form, Map.of(),
					e.getMessage());
		}
		return "supervision/weak-lax-confirm";
	}

	private void fillConfirm(Model model, long orgId, int year, Map<String, String> form, Map<String, String> errors,
			String problem) {
		model.addAttribute("target", organizations.get(orgId));
		model.addAttribute("targetId", Long.toString(orgId));
		model.addAttribute("year", year);
		model.addAttribute("years", years());
		// what the run says about this organization now: the automatic criteria it meets, pre-ticked
		List<WeakLaxService.CriterionView> met = weakLax.candidates(orgId, year)
			.items()
			.stream()
			.filter(c -> c.organizationId().equals(Long.toString(orgId)))
			.findFirst()
			.map(WeakLaxService.CandidateView::criteria)
			.orElse(List.of());
		model.addAttribute("met", met);
		model.addAttribute("nationalList", WeakLaxPolicy.NATIONAL_LIST);
		model.addAttribute("form", form == null ? Map.of() : form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		List<String[]> helpers = new ArrayList<>();
		for (String field : HELPERS) {
			helpers.add(new String[] { field, HELPER_LABELS.get(field), form == null ? null : form.get(field),
					form == null ? null : form.get(field + "Name") });
		}
		model.addAttribute("helpers", helpers);
	}

	/** htmx: members of the county whose name contains what was typed into one helper's search box. */
	@GetMapping("/supervision/weak-and-lax/members")
	String memberOptions(@RequestParam String field, @RequestParam Map<String, String> params, Model model) {
		scope.requireWriter(java.util.Set.of(Role.COUNTY_ADMIN));
		if (!HELPERS.contains(field)) {
			throw InvalidInputException.of("field", "未知的帮扶人");
		}
		String text = params.getOrDefault(field + "Name", params.getOrDefault("q", "")).strip();
		model.addAttribute("field", field);
		model.addAttribute("choices", weakLax.memberChoices(text));
		model.addAttribute("query", text);
		model.addAttribute("memberId", null);
		return "supervision/weak-lax-parts :: options";
	}
}
