package cn.jiceng.web;

import java.util.List;

import cn.jiceng.access.DataScope;
import cn.jiceng.organization.MemberRoll;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ShellController {

	private final DataScope scope;
	private final JdbcClient jdbc;
	private final String countyName;
	private final MemberRoll roll;

	ShellController(DataScope scope, JdbcClient jdbc, @Value("${jiceng.county-name}") String countyName, MemberRoll roll) {
		this.roll = roll;
		this.scope = scope;
		this.jdbc = jdbc;
		this.countyName = countyName;
	}

	@GetMapping("/login")
	String login(Model model, HttpSession session) {
		Object error = session.getAttribute("loginError");
		if (error != null) {
			model.addAttribute("loginError", error);
			session.removeAttribute("loginError");
		}
		model.addAttribute("countyName", countyName);
		return "login";
	}

	public record Card(String label, String value) {
	}

	@GetMapping("/")
	String home(Model model) {
		var s = scope.current();
		List<Card> cards;
		if (s.memberOnly()) {
			cards = List.of();
		}
		else {
			var orgCond = scope.organizationCondition("o");
			long branches = jdbc.sql("SELECT count(*) FROM organization o WHERE o.kind = 'BRANCH' AND " + orgCond.sql())
				.params(orgCond.params())
				.query(Long.class)
				.single();
			long orgs = jdbc.sql("SELECT count(*) FROM organization o WHERE " + orgCond.sql())
				.params(orgCond.params())
				.query(Long.class)
				.single();
			var counts = jdbc.sql("""
					SELECT count(*) AS total,
					       count(*) FILTER (WHERE m.category = 'PROBATIONARY') AS probationary,
					       count(*) FILTER (WHERE m.status = 'LOST_CONTACT') AS lost
					FROM member m JOIN organization o ON o.id = m.organization_id
					WHERE\s""" + roll.sqlOnRoll("m.status") + " AND " + orgCond.sql())
				.params(orgCond.params())
				.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
				.single();
			cards = List.of(new Card("党员总数", Long.toString(counts[0])), new Card("预备党员", Long.toString(counts[1])),
					new Card("党组织", Long.toString(orgs)), new Card("党支部", Long.toString(branches)));
		}
		model.addAttribute("cards", cards);
		return "home";
	}
}
