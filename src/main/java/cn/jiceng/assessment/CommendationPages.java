package cn.jiceng.assessment;

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
import cn.jiceng.common.Workbooks;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrganizationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The commendations of a subtree and year, with the nomination form that shows every reason of a refusal. */
@Controller
class CommendationPages {

	public record MemberChoice(String id, String label) {
	}

	private final CommendationService commendations;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final JdbcClient jdbc;
	private final Clock clock;

	CommendationPages(CommendationService commendations, OrganizationService organizations, OrgNavigation navigation,
			DataScope scope, JdbcClient jdbc, Clock clock) {
		this.commendations = commendations;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/assessment/commendations")
	String list(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("award", Commendations.Award.OUTSTANDING_MEMBER.name());
		form.put("level", Commendations.Level.COUNTY.name());
		fill(model, orgId, year == null ? LocalDate.now(clock).getYear() : year, form, Map.of(), List.of(), null);
		return "assessment/commendations";
	}

	@GetMapping("/assessment/commendations.xlsx")
	ResponseEntity<byte[]> listXlsx(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year) {
		long orgId = navigation.chosenOrOwn(org);
		CommendationService.ListView list = commendations.list(orgId, year == null ? LocalDate.now(clock).getYear() : year);
		List<List<Object>> rows = new ArrayList<>();
		for (CommendationService.CommendationView c : list.items()) {
			rows.add(List.of(c.name(), c.awardLabel(), c.levelLabel(), c.createdBy(),
					c.createdAt().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString()));
		}
		return Workbooks.download("评优评先-" + list.year() + ".xlsx", list.year() + "年评优评先",
				List.of("对象", "荣誉", "级别", "推荐人", "推荐日期"), rows);
	}

	@PostMapping("/assessment/commendations")
	String nominate(@RequestParam String org, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long orgId = Ids.parse(org, "党组织");
		Integer year = null;
		try {
			year = Integer.valueOf(form.getOrDefault("year", ""));
		}
		catch (NumberFormatException e) {
			// reported by the service as an invalid year
		}
		boolean forMember = !Commendations.Award.ADVANCED_ORGANIZATION.name().equals(form.get("award"));
		CommendationService.NominationInput in = new CommendationService.NominationInput(year, form.get("award"),
				form.get("level"), forMember ? form.get("memberId") : null, forMember ? null : form.get("organizationId"));
		int shownYear = year == null ? LocalDate.now(clock).getYear() : year;
		try {
			CommendationService.CommendationView v = commendations.nominate(in);
			redirect.addFlashAttribute("flash", "已推荐 " + v.name() + " 为" + v.year() + "年度" + v.levelLabel() + v.awardLabel());
			return "redirect:/assessment/commendations?org=" + orgId + "&year=" + v.year();
		}
		catch (RuleViolationException e) {
			List<CommendationPolicy.Reason> reasons = new ArrayList<>();
			Object raw = e.properties().get("reasons");
			if (raw instanceof List<?> list) {
				for (Object o : list) {
					if (o instanceof Map<?, ?> m) {
						reasons.add(new CommendationPolicy.Reason(String.valueOf(m.get("code")),
								String.valueOf(m.get("message"))));
					}
				}
			}
			fill(model, orgId, shownYear, form, Map.of(), reasons, e.getMessage());
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem p : e.errors()) {
				errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b);
			}
			fill(model, orgId, shownYear, form, errors, List.of(), e.getMessage());
		}
		catch (ConflictException | ForbiddenException e) {
			fill(model, orgId, shownYear, form, Map.of(), List.of(), e.getMessage());
		}
		return "assessment/commendations";
	}

	/** htmx: members in the caller's scope whose name contains the text. */
	@GetMapping("/assessment/commendations/members")
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
		return "assessment/commendations :: member-options";
	}

	private void fill(Model model, long orgId, int year, Map<String, String> form, Map<String, String> errors,
			List<CommendationPolicy.Reason> reasons, String problem) {
		CommendationService.ListView list = commendations.list(orgId, year);
		model.addAttribute("list", list);
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("org", organizations.get(orgId));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("children", organizations.children(orgId).stream().filter(c -> c.kind() != OrgKind.GROUP).toList());
		model.addAttribute("year", year);
		int current = LocalDate.now(clock).getYear();
		model.addAttribute("years", List.of(current, current - 1, current - 2, current - 3));
		model.addAttribute("awards", Commendations.Award.values());
		model.addAttribute("levels", Commendations.Level.values());
		model.addAttribute("organizations", navigation.optionsInScope(List.of(OrgKind.BRANCH, OrgKind.GENERAL_BRANCH,
				OrgKind.COMMITTEE), null));
		model.addAttribute("canNominate", CommendationService.NOMINATORS.contains(scope.current().caller().role()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("reasons", reasons);
		model.addAttribute("problem", problem);
		String memberId = form.get("memberId");
		Long chosen = null;
		try {
			chosen = memberId == null || memberId.isBlank() ? null : Long.valueOf(memberId);
		}
		catch (NumberFormatException e) {
			// not an id: nothing to show back
		}
		model.addAttribute("chosenLabel", chosen == null || !scope.coversMember(chosen) ? null
				: jdbc.sql("SELECT name FROM member WHERE id = :m").param("m", chosen).query(String.class).single());
	}
}
