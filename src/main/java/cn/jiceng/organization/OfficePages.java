package cn.jiceng.organization;

import java.time.Clock;
import java.time.LocalDate;
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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leadership (班子) of an organization: who holds which post now, the history, appointments and departures. */
@Controller
class OfficePages {

	/** A member to pick by name: the branch is shown so that two people of the same name can be told apart. */
	public record MemberChoice(String id, String label) {
	}

	private final OfficeService offices;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final JdbcClient jdbc;
	private final Clock clock;

	OfficePages(OfficeService offices, OrganizationService organizations, OrgNavigation navigation, DataScope scope,
			JdbcClient jdbc, Clock clock) {
		this.offices = offices;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/organizations/{id}/offices")
	String show(@PathVariable String id, Model model) {
		long orgId = Ids.parse(id, "党组织");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("office", Office.SECRETARY.name());
		form.put("startedOn", LocalDate.now(clock).toString());
		fill(model, orgId, form, Map.of());
		return "organization/offices";
	}

	@PostMapping("/organizations/{id}/offices")
	String appoint(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long orgId = Ids.parse(id, "党组织");
		try {
			OfficeService.Holder h = offices.appoint(orgId, new OfficeService.NewHolding(form.get("memberId"),
					form.get("office"), form.get("startedOn"), form.get("endedOn")));
			redirect.addFlashAttribute("flash", "已登记 " + h.name() + " 任" + h.office().label() + "（" + h.startedOn() + "起）");
			return "redirect:/organizations/" + orgId + "/offices";
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem p : e.errors()) {
				errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b);
			}
			fill(model, orgId, form, errors);
		}
		catch (ConflictException | ForbiddenException e) {
			fill(model, orgId, form, Map.of("_", e.getMessage()));
		}
		return "organization/offices";
	}

	@PostMapping("/offices/{id}/end")
	String end(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long officeId = Ids.parse(id, "任职记录");
		Integer version = null;
		try {
			version = form.get("version") == null ? null : Integer.valueOf(form.get("version"));
		}
		catch (NumberFormatException e) {
			// a tampered form: checked as if no version was sent
		}
		OfficeService.Holder before = offices.find(officeId);
		try {
			OfficeService.Holder h = offices.end(officeId, form.get("endedOn"), version);
			redirect.addFlashAttribute("flash", h.name() + " 的" + h.office().label() + "任职已于 " + h.endedOn() + " 结束");
		}
		catch (InvalidInputException | ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", e.getMessage() + (e instanceof InvalidInputException i
					? i.errors().stream().map(FieldProblem::message).reduce("", (a, b) -> a + " " + b) : ""));
		}
		return "redirect:/organizations/" + before.organizationId() + "/offices";
	}

	/** htmx: members in the caller's scope whose name contains the text, for the appointment form. */
	@GetMapping("/organizations/{id}/offices/members")
	String memberOptions(@PathVariable String id, @RequestParam(required = false) String q, Model model) {
		navigation.chosenOrOwn(id);
		String text = q == null ? "" : q.trim();
		List<MemberChoice> choices = text.isEmpty() ? List.of() : search(text);
		model.addAttribute("choices", choices);
		model.addAttribute("query", text);
		return "organization/offices :: member-options";
	}

	private List<MemberChoice> search(String text) {
		var cond = scope.organizationCondition("o");
		return jdbc.sql("SELECT m.id, m.name, o.name AS org FROM member m JOIN organization o ON o.id = m.organization_id"
				+ " WHERE " + cond.sql() + " AND m.name LIKE :q ORDER BY m.name, o.path LIMIT 20")
			.params(cond.params())
			.param("q", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.query((rs, i) -> new MemberChoice(rs.getString("id"), rs.getString("name") + "（" + rs.getString("org") + "）"))
			.list();
	}

	private void fill(Model model, long orgId, Map<String, String> form, Map<String, String> errors) {
		OrganizationView org = organizations.get(orgId);
		OfficeService.History history = offices.history(orgId);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("org", org);
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("current", history.items().stream().filter(h -> h.period().covers(today)).toList());
		model.addAttribute("history", history.items());
		model.addAttribute("vacancies", history.vacancies());
		model.addAttribute("today", today);
		var caller = scope.current().caller();
		boolean canRecord = OfficeService.RECORDERS.contains(caller.role())
				&& (caller.role() == Role.COUNTY_ADMIN || caller.organizationId() != orgId);
		model.addAttribute("canRecord", canRecord);
		model.addAttribute("offices", Office.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		String memberId = form.get("memberId");
		long chosen = memberId == null || memberId.isBlank() ? 0 : parseOrZero(memberId);
		// the name goes back into the search box only for a member the caller may see
		model.addAttribute("chosenLabel", chosen == 0 || !scope.coversMember(chosen) ? null
				: jdbc.sql("SELECT name FROM member WHERE id = :m").param("m", chosen).query(String.class).single());
	}

	private static long parseOrZero(String id) {
		try {
			return Long.parseLong(id.trim());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}
}
