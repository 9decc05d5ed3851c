package cn.jiceng.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import cn.jiceng.support.ApiTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL of {@link RollMembership} and {@link MemberStatus#onRoll()} answers as the Java rule does for every status
 * and for joining and leaving dates on and next to a period's edges.
 */
@ApiTest
class RollMembershipSqlApiTests {

	private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
	private static final LocalDate TO = LocalDate.of(2025, 12, 31);

	@Autowired
	JdbcClient jdbc;

	private record Case(LocalDate joinedOn, MemberStatus status, LocalDate changedOn) {

		RollMembership roll() {
			return RollMembership.of(joinedOn, status, changedOn);
		}
	}

	private static List<Case> cases() {
		List<LocalDate> joined = List.of(LocalDate.of(2020, 6, 1), FROM.minusDays(1), FROM, TO, TO.plusDays(1));
		List<LocalDate> changed = new ArrayList<>(List.of(FROM.minusDays(1), FROM, FROM.plusDays(1), TO, TO.plusDays(1),
				LocalDate.of(2020, 6, 1)));
		changed.add(null);
		List<Case> cases = new ArrayList<>();
		for (LocalDate j : joined) {
			for (MemberStatus status : MemberStatus.values()) {
				for (LocalDate c : changed) {
					cases.add(new Case(j, status, c));
				}
			}
		}
		return cases;
	}

	/** Each case's answers from SQL: on the roll, during the period, not left by its end (null when SQL cannot tell). */
	private Map<Case, List<Object>> sql(List<Case> cases) {
		StringJoiner values = new StringJoiner(", ");
		for (int i = 0; i < cases.size(); i++) {
			Case c = cases.get(i);
			values.add("(" + i + ", DATE '" + c.joinedOn() + "', '" + c.status().name() + "', "
					+ (c.changedOn() == null ? "CAST(NULL AS date)" : "DATE '" + c.changedOn() + "'") + ")");
		}
		String from = "DATE '" + FROM + "'";
		String to = "DATE '" + TO + "'";
		Map<Case, List<Object>> answers = new LinkedHashMap<>();
		jdbc.sql("SELECT i, " + MemberStatus.sqlOnRoll("m.status") + ", " + RollMembership.sqlOnRollDuring(from, to) + ", "
				+ RollMembership.sqlNotLeftBy(to) + ", " + RollMembership.sqlLeftOn() + " FROM (VALUES " + values
				+ ") AS m(i, joined_on, status, status_changed_on) ORDER BY i")
			.query((rs, n) -> {
				List<Object> row = new ArrayList<>();
				row.add(rs.getBoolean(2));
				row.add(rs.getBoolean(3));
				row.add(rs.getObject(4));
				row.add(rs.getObject(5, LocalDate.class));
				answers.put(cases.get(rs.getInt(1)), row);
				return null;
			})
			.list();
		return answers;
	}

	@Test
	void theSqlOfTheRollAgreesWithTheJavaRuleOnEveryEdge() {
		List<Case> cases = cases();
		Map<Case, List<Object>> sql = sql(cases);
		assertThat(sql).hasSize(cases.size());
		for (Case c : cases) {
			RollMembership roll = c.roll();
			List<Object> got = sql.get(c);
			assertThat(got.get(0)).as("on roll %s", c).isEqualTo(c.status().onRoll());
			assertThat(got.get(1)).as("on the roll during the year %s", c).isEqualTo(roll.onRollDuring(FROM, TO));
			// SQL answers null (cannot tell) for a member off the roll without a date; callers treat that as "look closer"
			Object notLeft = got.get(2);
			if (notLeft != null) {
				assertThat(notLeft).as("not left by the year end %s", c).isEqualTo(roll.notLeftBy(TO));
			}
			else {
				assertThat(c.changedOn()).as(c.toString()).isNull();
			}
			assertThat(got.get(3)).as("left on %s", c).isEqualTo(roll.leftOn());
		}
	}
}
