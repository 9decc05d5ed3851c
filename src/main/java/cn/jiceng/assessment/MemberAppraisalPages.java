package cn.jiceng.assessment;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrganizationService;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The appraisal pages: the cadre contact appraisal ("树根") of a subtree and year with its entry form and a person's
 * history, and the democratic appraisal of a branch as one table of members × grade (the subtree's branches with
 * their caps above a branch); both export to Excel.
 */
@Controller
class MemberAppraisalPages {

	public record MemberChoice(String id, String label) {
	}

	private final CadreAppraisalService cadres;
	private final DemocraticAppraisalService democratic;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final JdbcClient jdbc;
	private final Clock clock;

	MemberAppraisalPages(CadreAppraisalService cadres, DemocraticAppraisalService democratic, OrganizationService organizations,
			OrgNavigation navigation, DataScope scope, JdbcClient jdbc, Clock clock) {
		this.cadres = cadres;
		this.democratic = democratic;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.jdbc = jdbc;
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

	private int year(Integer year) {
		return MemberAppraisalYears.orThisYear(year, clock);
	}

	private void picker(Model model, long orgId, int year) {
		model.addAttribute("org", organizations.get(orgId));
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("children", organizations.children(orgId).stream()
			.filter(c -> c.kind() != OrgKind.GROUP)
			.toList());
		model.addAttribute("year", year);
		model.addAttribute("years", years());
	}

	// ---- cadre contact appraisal ("树根") -----------------------------------------------------------------------

	@GetMapping("/assessment/cadre-appraisals")
	String cadres(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		fillCadres(model, orgId, year(year), new LinkedHashMap<>(), Map.of(), null);
		return "assessment/cadre-appraisals";
	}

	@PostMapping("/assessment/cadre-appraisals")
	String appraiseCadre(@RequestParam String org, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long orgId = Ids.parse(org, "党组织");
		String yearText = form.getOrDefault("year", "");
		int shownYear;
		try {
			shownYear = year(Integer.valueOf(yearText));
		}
		catch (RuntimeException e) {
			shownYear = LocalDate.now(clock).getYear();
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String problem = null;
		try {
			String memberId = form.get("memberId");
			if (memberId == null || memberId.isBlank()) {
				throw InvalidInputException.of("memberId", "请先查找并选择被考核的干部");
			}
			CadreAppraisalService.AppraisalView v = cadres.put(Ids.parse(memberId, "党员"), yearText,
					new CadreAppraisalService.CadreInput(form.get("leader"), form.get("masses"), form.get("departments"),
							form.get("yearEnd"), null));
			redirect.addFlashAttribute("flash", v.name() + " " + v.year() + "年度“树根”考核已保存：" + v.total() + "分，"
					+ v.gradeLabel() + (v.capReason() == null ? "" : "（" + v.capReason() + "）"));
			return "redirect:/assessment/cadre-appraisals?org=" + orgId + "&year=" + v.year();
		}
		catch (InvalidInputException e) {
			for (FieldProblem p : e.errors()) {
				errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b);
			}
			problem = e.getMessage();
		}
		catch (RuleViolationException | ConflictException | ForbiddenException | NotFoundException e) {
			problem = e.getMessage();
		}
		fillCadres(model, orgId, shownYear, new LinkedHashMap<>(form), errors, problem);
		return "assessment/cadre-appraisals";
	}

	private void fillCadres(Model model, long orgId, int year, Map<String, String> form, Map<String, String> errors,
			String problem) {
		CadreAppraisalService.Results results = cadres.results(orgId, year);
		model.addAttribute("results", results);
		picker(model, orgId, year);
		model.addAttribute("canAppraise", CadreAppraisalService.APPRAISERS.contains(scope.current().caller().role()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("grades", CadreGrade.values());
		model.addAttribute("components", CadreAppraisalPolicy.Component.values());
		model.addAttribute("fullPoints", cadres.fullPoints(year));
		String memberId = form.get("memberId");
		String chosen = null;
		try {
			if (memberId != null && !memberId.isBlank() && scope.coversMember(Long.parseLong(memberId))) {
				chosen = jdbc.sql("SELECT name FROM member WHERE id = :m").param("m", Long.parseLong(memberId))
					.query(String.class)
					.single();
			}
		}
		catch (NumberFormatException e) {
			// not an id: nothing to show back
		}
		model.addAttribute("chosenLabel", chosen);
	}

	/** htmx: members in the caller's scope whose name contains the text. */
	@GetMapping("/assessment/cadre-appraisals/members")
	String memberOptions(@RequestParam(required = false) String q, Model model) {
		String text = q == null ? "" : q.trim();
		List<MemberChoice> choices = List.of();
		if (!text.isEmpty()) {
			var cond = scope.organizationCondition("o");
			choices = jdbc.sql("SELECT m.id, m.name, o.name AS org FROM member m JOIN organization o ON o.id = m.organization_id"
					+ " WHERE " + cond.sql() + " AND m.name LIKE :q ORDER BY m.name, o.path LIMIT 20")
				.params(cond.params())
				.param("q", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
				.query((rs, i) -> new MemberChoice(rs.getString("id"), rs.getString("name") + "（" + rs.getString("org") + "）"))
				.list();
		}
		model.addAttribute("choices", choices);
		model.addAttribute("query", text);
		return "assessment/cadre-appraisals :: member-options";
	}

	@GetMapping("/assessment/cadre-appraisals/members/{id}")
	String cadreHistory(@PathVariable String id, Model model) {
		model.addAttribute("history", cadres.history(Ids.parse(id, "党员")));
		return "assessment/cadre-history";
	}

	@GetMapping("/assessment/cadre-appraisals.xlsx")
	void cadresExcel(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			HttpServletResponse res) throws IOException {
		long orgId = navigation.chosenOrOwn(org);
		CadreAppraisalService.Results results = cadres.results(orgId, year(year));
		send(res, MemberAppraisalExcel.cadres(results), results.year() + "年度“树根”干部考核结果.xlsx");
	}

	// ---- democratic appraisal -------------------------------------------------------------------------------

	@GetMapping("/assessment/democratic-appraisals")
	String democratic(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		fillDemocratic(model, orgId, year(year), null, null);
		return "assessment/democratic-appraisals";
	}

	@PostMapping("/assessment/democratic-appraisals")
	String gradeBranch(@RequestParam String org, @RequestParam Integer year, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		long orgId = Ids.parse(org, "党组织");
		Map<Long, String> grades = new LinkedHashMap<>();
		Map<String, String> submitted = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("grade-")) {
				try {
					grades.put(Long.valueOf(k.substring("grade-".length())), v);
					submitted.put(k.substring("grade-".length()), v);
				}
				catch (NumberFormatException e) {
					// not a member's field
				}
			}
		});
		try {
			int changed = democratic.putBranch(orgId, year, grades);
			redirect.addFlashAttribute("flash", changed == 0 ? "评议等次没有变化" : "已保存 " + changed + " 名党员的评议等次");
			return "redirect:/assessment/democratic-appraisals?org=" + orgId + "&year=" + year;
		}
		catch (RuleViolationException | InvalidInputException | ConflictException | ForbiddenException
				| NotFoundException e) {
			String problem = e.getMessage();
			if (e instanceof InvalidInputException invalid) {
				problem = problem + "：" + String.join("；", invalid.errors().stream().map(FieldProblem::message).toList());
			}
			fillDemocratic(model, orgId, year(year), submitted, "未保存：" + problem);
			return "assessment/democratic-appraisals";
		}
	}

	private void fillDemocratic(Model model, long orgId, int year, Map<String, String> submitted, String problem) {
		boolean branch = organizations.ref(orgId).map(o -> o.kind() == OrgKind.BRANCH).orElse(false);
		DemocraticAppraisalService.Listing listing = branch || scope.current().memberOnly()
				? democratic.list(orgId, year) : democratic.overview(orgId, year);
		model.addAttribute("listing", listing);
		picker(model, orgId, year);
		model.addAttribute("branch", listing.kind() == OrgKind.BRANCH);
		model.addAttribute("summary", listing.branches().stream()
			.filter(b -> b.organizationId().equals(Long.toString(orgId)))
			.findFirst()
			.orElse(null));
		model.addAttribute("canGrade", DemocraticAppraisalService.APPRAISERS.contains(scope.current().caller().role()));
		model.addAttribute("grades", DemocraticGrade.values());
		Map<String, String> shown = new LinkedHashMap<>();
		listing.items().forEach(i -> shown.put(i.memberId(), i.grade() == null ? "" : i.grade().name()));
		if (submitted != null) {
			shown.putAll(submitted);
		}
		model.addAttribute("shown", shown);
		model.addAttribute("problem", problem);
	}

	@GetMapping("/assessment/democratic-appraisals.xlsx")
	void democraticExcel(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			HttpServletResponse res) throws IOException {
		long orgId = navigation.chosenOrOwn(org);
		DemocraticAppraisalService.Listing listing = democratic.list(orgId, year(year));
		send(res, MemberAppraisalExcel.democratic(listing), listing.year() + "年度民主评议党员结果.xlsx");
	}

	private static void send(HttpServletResponse res, byte[] bytes, String filename) throws IOException {
		res.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		res.setHeader("Content-Disposition",
				"attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
		res.setContentLength(bytes.length);
		res.getOutputStream().write(bytes);
	}
}
