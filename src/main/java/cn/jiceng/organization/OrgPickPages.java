package cn.jiceng.organization;

import java.util.List;

import cn.jiceng.access.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * htmx: organizations in the caller's scope whose name contains the typed text, for the organization picker of a
 * form (fragments/org-pick.html) where the scope is too large for one select. Each is named with its parent, so
 * two 第一党支部 can be told apart; never by number.
 */
@Controller
class OrgPickPages {

	private final DataScope scope;
	private final JdbcClient jdbc;

	OrgPickPages(DataScope scope, JdbcClient jdbc) {
		this.scope = scope;
		this.jdbc = jdbc;
	}

	public record Choice(String id, String label) {
	}

	@GetMapping("/organizations/options")
	String options(@RequestParam(required = false) String orgQuery, @RequestParam(required = false) String field,
			@RequestParam(required = false) Boolean noGroups, Model model) {
		String text = orgQuery == null ? "" : orgQuery.trim();
		var cond = scope.organizationCondition("o");
		List<Choice> choices = text.isEmpty() ? List.of()
				: jdbc.sql("SELECT o.id, o.name, o.kind, p.name AS parent FROM organization o"
						+ " LEFT JOIN organization p ON p.id = o.parent_id WHERE " + cond.sql()
						+ " AND o.name LIKE :q AND (NOT :noGroups OR o.kind <> 'GROUP') ORDER BY length(o.name), o.path LIMIT 30")
					.params(cond.params())
					.param("q", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
					.param("noGroups", Boolean.TRUE.equals(noGroups))
					.query((rs, i) -> new Choice(rs.getString("id"), rs.getString("name") + "（"
							+ OrgKind.valueOf(rs.getString("kind")).label()
							+ (rs.getString("parent") == null ? "" : "，" + rs.getString("parent")) + "）"))
					.list();
		model.addAttribute("field", field == null || !field.matches("[A-Za-z]{1,40}") ? "organizationId" : field);
		model.addAttribute("choices", choices);
		model.addAttribute("query", text);
		model.addAttribute("chosenId", null);
		model.addAttribute("chosenLabel", null);
		return "fragments/org-pick :: options";
	}
}
