package cn.jiceng.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.Workbooks;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationView;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of five stars: the board of a subtree and year (distribution chart, every branch with its status and
 * the actions the caller's role allows), the self-assessment form, an assessment with review, confirmation and
 * revocation, and the county's standard editor.
 */
@Controller
class StarPages {

	private final StarService stars;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final Clock clock;

	StarPages(StarService stars, OrganizationService organizations, OrgNavigation navigation, DataScope scope,
			Clock clock) {
		this.stars = stars;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.clock = clock;
	}

	private List<Integer> years() {
		int current = LocalDate.now(clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = current; y >= current - 4; y--) {
			years.add(y);
		}
		return years;
	}

	private Role role() {
		return scope.current().caller().role();
	}

	@GetMapping("/assessment/stars")
	String board(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		int y = stars.year(year);
		List<StarService.BoardRow> rows = stars.board(orgId, y);
		StarService.StarsReport report = stars.stars(orgId, y);
		model.addAttribute("rows", rows);
		model.addAttribute("report", report);
		model.addAttribute("share", report.threeStarShare() == null ? "—"
				: String.format("%.1f%%", report.threeStarShare() * 100));
		model.addAttribute("chartData", report.distribution().entrySet().stream()
			.map(e -> e.getValue().toString())
			.collect(Collectors.joining(",")));
		model.addAttribute("assessed", rows.stream().filter(r -> r.assessmentId() != null).count());
		model.addAttribute("confirmedCount", rows.stream()
			.filter(r -> r.status() == StarStatus.CONFIRMED).count());
		model.addAttribute("year", y);
		model.addAttribute("years", years());
		model.addAttribute("canSelfAssess", StarService.SELF_ASSESSORS.contains(role()));
		model.addAttribute("county", role() == Role.COUNTY_ADMIN);
		picker(model, orgId);
		return "assessment/stars";
	}

	private void picker(Model model, long orgId) {
		OrganizationView org = organizations.get(orgId);
		model.addAttribute("org", org);
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("children", organizations.children(orgId).stream()
			.filter(c -> c.kind() != OrgKind.GROUP)
			.toList());
	}

	@PostMapping("/assessment/stars/publish")
	String publish(@RequestParam String org, @RequestParam Integer year, RedirectAttributes redirect) {
		try {
			StarService.PublishResult r = stars.publish(Ids.parse(org, "党组织"), year);
			redirect.addFlashAttribute("flash", r.published() == 0 ? "没有待挂星的评定" : "已挂星 " + r.published() + " 个党组织");
		}
		catch (ForbiddenException | InvalidInputException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/assessment/stars?org=" + org + "&year=" + year;
	}

	// ---- self-assessment ----

	/** The board as the page shows it, one row per organization of the subtree. */
	@GetMapping("/assessment/stars.xlsx")
	ResponseEntity<byte[]> boardXlsx(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year) {
		long orgId = navigation.chosenOrOwn(org);
		int y = stars.year(year);
		List<List<Object>> rows = new ArrayList<>();
		for (StarService.BoardRow r : stars.board(orgId, y)) {
			rows.add(List.of(r.name(), r.townshipName() == null ? "" : r.townshipName(), r.fieldLabel(),
					r.statusLabel() == null ? "未自评" : r.statusLabel(), r.score() == null ? "" : r.score(),
					r.stars() == null ? "" : r.stars(), r.capped() ? "是" : "", r.revocations()));
		}
		return Workbooks.download("五星评定-" + y + ".xlsx", y + "年五星评定",
				List.of("党组织", "乡镇", "领域", "状态", "得分", "星级", "软弱涣散限星", "摘星次数"), rows);
	}

	@GetMapping("/assessment/stars/new")
	String newAssessment(@RequestParam String org, @RequestParam Integer year, Model model) {
		fillNew(model, Ids.parse(org, "党组织"), stars.year(year), Map.of(), Map.of(), null);
		return "assessment/star-new";
	}

	@PostMapping("/assessment/stars/new")
	String selfAssess(@RequestParam String org, @RequestParam Integer year, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		long orgId = Ids.parse(org, "党组织");
		Map<String, Object> scores = scoresOf(form);
		try {
			StarService.AssessmentView v = stars.selfAssess(orgId, new StarService.AssessmentInput(year, scores));
			redirect.addFlashAttribute("flash", "自评已提交，当前得分 " + v.score());
			return "redirect:/assessment/star-assessments/" + v.id();
		}
		catch (InvalidInputException e) {
			fillNew(model, orgId, stars.year(year), form, errors(e), e.getMessage());
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			fillNew(model, orgId, stars.year(year), form, Map.of(), e.getMessage());
		}
		return "assessment/star-new";
	}

	private void fillNew(Model model, long orgId, int year, Map<String, String> form, Map<String, String> errors,
			String problem) {
		OrgRef org = organizations.ref(orgId).orElseThrow();
		scope.requireOrganization(orgId);
		StarService.StandardView standard = stars.findStandard(org.countyId(), year, org.field());
		model.addAttribute("org", org);
		model.addAttribute("fieldLabel", org.field().label());
		model.addAttribute("year", year);
		model.addAttribute("standard", standard);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
	}

	private static Map<String, Object> scoresOf(Map<String, String> form) {
		Map<String, Object> scores = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("score.") && v != null && !v.isBlank()) {
				scores.put(k.substring("score.".length()), v.trim());
			}
		});
		return scores;
	}

	private static Map<String, String> errors(InvalidInputException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : e.errors()) {
			errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b);
		}
		return errors;
	}

	// ---- one assessment ----

	@GetMapping("/assessment/star-assessments/{id}")
	String show(@PathVariable String id, Model model) {
		fillShow(model, stars.get(Ids.parse(id, "星级评定")), Map.of(), Map.of());
		return "assessment/star-assessment";
	}

	private void fillShow(Model model, StarService.AssessmentView a, Map<String, String> form,
			Map<String, String> errors) {
		model.addAttribute("a", a);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		Role role = role();
		model.addAttribute("canReview", StarService.REVIEWERS.contains(role)
				&& StarPolicy.refusal(a.status(), StarPolicy.Step.REVIEW) == null);
		model.addAttribute("canConfirm", role == Role.COUNTY_ADMIN
				&& StarPolicy.refusal(a.status(), StarPolicy.Step.CONFIRM) == null);
		model.addAttribute("canRevoke", role == Role.COUNTY_ADMIN
				&& StarPolicy.refusal(a.status(), StarPolicy.Step.REVOKE) == null && a.stars() != null && a.stars() > 1);
		List<Integer> lower = new ArrayList<>();
		if (a.stars() != null) {
			for (int s = a.stars() - 1; s >= 1; s--) {
				lower.add(s);
			}
		}
		model.addAttribute("lowerStars", lower);
	}

	@PostMapping("/assessment/star-assessments/{id}/review")
	String review(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long assessmentId = Ids.parse(id, "星级评定");
		try {
			stars.review(assessmentId, new StarService.ReviewInput(scoresOf(form), version(form)));
			redirect.addFlashAttribute("flash", "评星已保存");
		}
		catch (InvalidInputException e) {
			fillShow(model, stars.get(assessmentId), form, errors(e));
			model.addAttribute("problem", e.getMessage());
			return "assessment/star-assessment";
		}
		catch (ConflictException | ForbiddenException | RuleViolationException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/assessment/star-assessments/" + assessmentId;
	}

	@PostMapping("/assessment/star-assessments/{id}/confirm")
	String confirm(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long assessmentId = Ids.parse(id, "星级评定");
		try {
			StarService.AssessmentView v = stars.confirm(assessmentId, version(form));
			redirect.addFlashAttribute("flash", "已定星：" + v.score() + " 分，" + v.stars() + " 星");
		}
		catch (ConflictException | ForbiddenException | RuleViolationException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/assessment/star-assessments/" + assessmentId;
	}

	@PostMapping("/assessment/star-assessments/{id}/revoke")
	String revoke(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long assessmentId = Ids.parse(id, "星级评定");
		Integer to = null;
		try {
			to = form.get("stars") == null || form.get("stars").isBlank() ? null : Integer.valueOf(form.get("stars"));
		}
		catch (NumberFormatException e) {
			// a tampered form: lowered by one
		}
		try {
			StarService.AssessmentView v = stars.revoke(assessmentId,
					new StarService.RevokeInput(form.get("reason"), to, version(form)));
			redirect.addFlashAttribute("flash", "已摘星，现为 " + v.stars() + " 星");
		}
		catch (InvalidInputException | ConflictException | ForbiddenException | RuleViolationException e) {
			String detail = e instanceof InvalidInputException i
					? i.errors().stream().map(FieldProblem::message).collect(Collectors.joining("；"))
					: e.getMessage();
			redirect.addFlashAttribute("problem", detail);
		}
		return "redirect:/assessment/star-assessments/" + assessmentId;
	}

	private static Integer version(Map<String, String> form) {
		try {
			return form.get("version") == null || form.get("version").isBlank() ? null
					: Integer.valueOf(form.get("version"));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	// ---- the standard editor ----

	public record EditRow(String code, String name, String points, String indicator) {
	}

	@GetMapping("/assessment/standards")
	String standards(@RequestParam(required = false) Integer year, @RequestParam(required = false) String field,
			Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		Field f = FormInput.enumOrNull(Field.class, field);
		f = f == null ? Field.RURAL : f;
		StarService.StandardView standard = stars.findStandard(scope.current().caller().countyId(), y, f);
		List<EditRow> rows = new ArrayList<>();
		if (standard != null) {
			standard.items().forEach(i -> rows.add(new EditRow(i.code(), i.name(), Integer.toString(i.points()),
					i.indicator() == null ? "" : i.indicator().name())));
		}
		fillStandards(model, y, f, standard, rows, Map.of());
		return "assessment/standards";
	}

	@PostMapping("/assessment/standards")
	String saveStandard(@RequestParam Integer year, @RequestParam String field,
			@RequestParam(name = "code", required = false) List<String> codes,
			@RequestParam(name = "name", required = false) List<String> names,
			@RequestParam(name = "points", required = false) List<String> points,
			@RequestParam(name = "indicator", required = false) List<String> indicators, Model model,
			RedirectAttributes redirect) {
		List<EditRow> rows = new ArrayList<>();
		List<StarService.ItemInput> items = new ArrayList<>();
		int n = codes == null ? 0 : codes.size();
		for (int k = 0; k < n; k++) {
			String code = codes.get(k);
			String name = at(names, k);
			String p = at(points, k);
			String ind = at(indicators, k);
			if ((code == null || code.isBlank()) && (name == null || name.isBlank()) && (p == null || p.isBlank())) {
				continue;
			}
			rows.add(new EditRow(code, name, p, ind));
			items.add(new StarService.ItemInput(code, name, p, ind));
		}
		Field parsed = FormInput.enumOrNull(Field.class, field);
		Field f = parsed == null ? Field.RURAL : parsed;
		try {
			stars.putStandard(year, field, new StarService.StandardInput(items));
			redirect.addFlashAttribute("flash", year + "年度" + f.label() + "领域星级标准已保存");
			return "redirect:/assessment/standards?year=" + year + "&field=" + field;
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = errors(e);
			fillStandards(model, year, f, null, rows, errors);
			model.addAttribute("problem", String.join("；", errors.values()));
		}
		catch (ForbiddenException e) {
			fillStandards(model, year, f, null, rows, Map.of());
			model.addAttribute("problem", e.getMessage());
		}
		return "assessment/standards";
	}

	private static String at(List<String> list, int k) {
		return list == null || k >= list.size() ? null : list.get(k);
	}

	private void fillStandards(Model model, int year, Field field, StarService.StandardView standard,
			List<EditRow> rows, Map<String, String> errors) {
		List<EditRow> shown = new ArrayList<>(rows);
		for (int k = 0; k < 3; k++) {
			shown.add(new EditRow("", "", "", ""));
		}
		int sum = 0;
		for (EditRow r : rows) {
			try {
				sum += new BigDecimal(r.points().trim()).intValue();
			}
			catch (RuntimeException e) {
				// not a number: the save reports it
			}
		}
		model.addAttribute("year", year);
		model.addAttribute("field", field);
		model.addAttribute("fields", Field.values());
		model.addAttribute("indicators", StarIndicator.values());
		model.addAttribute("years", List.of(LocalDate.now(clock).getYear() + 1, LocalDate.now(clock).getYear(),
				LocalDate.now(clock).getYear() - 1, LocalDate.now(clock).getYear() - 2));
		model.addAttribute("standard", standard);
		model.addAttribute("rows", shown);
		model.addAttribute("sum", sum);
		model.addAttribute("errors", errors);
		model.addAttribute("canEdit", role() == Role.COUNTY_ADMIN);
	}
}
