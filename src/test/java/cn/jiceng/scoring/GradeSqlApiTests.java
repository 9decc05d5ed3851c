package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.MEETING_DEDUCTIONS;
import static cn.jiceng.settings.RuleCatalog.THEMED_DAY_DEDUCTIONS;

import java.util.List;
import java.util.Map;

import cn.jiceng.settings.RuleSettings;
import cn.jiceng.support.ApiTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grade and warning written into the set-based recompute's SQL give what {@link Grade#of} and the calculator's
 * warning give, for every index 0..100, under the default thresholds and under a county's own.
 */
@ApiTest
class GradeSqlApiTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSqlGradeAndWarningAgreeWithTheJavaRuleAtEveryIndex() {
		RuleSettings d = RuleSettings.defaults();
		RuleSettings own = TestSettings.scoring(70, 20, 95, 80, 70, d.get(THEMED_DAY_DEDUCTIONS), d.get(MEETING_DEDUCTIONS), 2);
		for (RuleSettings s : List.of(d, own)) {
			jdbc.sql("SELECT x, " + Grade.sqlOf("x", s, Grade::sqlName) + ", " + Grade.sqlOf("x", s, g -> String.valueOf(Grade.code(g)))
					+ ", " + VanguardIndexCalculator.sqlIsWarning("x", s) + ", "
					+ Grade.sqlCodeOfName(Grade.sqlOf("x", s, Grade::sqlName)) + " FROM generate_series(0, 100) AS x")
				.query((rs, i) -> {
					int x = rs.getInt(1);
					Grade grade = Grade.of(x, s);
					assertThat(rs.getString(2)).as("grade of %d", x).isEqualTo(grade.name());
					assertThat(rs.getInt(3)).as("grade code of %d", x).isEqualTo(Grade.code(grade));
					assertThat(rs.getBoolean(4)).as("warning at %d", x).isEqualTo(VanguardIndexCalculator.isWarning(x, s));
					assertThat(rs.getInt(5)).as("code of the stored grade of %d", x).isEqualTo(Grade.code(grade));
					return x;
				})
				.list();
		}
	}

	@Test
	void theGradeEdgesAreTheSettingsThresholds() {
		RuleSettings d = RuleSettings.defaults();
		Map<Integer, Grade> edges = Map.of(59, Grade.WARNING, 60, Grade.BASIC, 74, Grade.BASIC, 75, Grade.QUALIFIED, 89,
				Grade.QUALIFIED, 90, Grade.EXCELLENT);
		edges.forEach((index, grade) -> assertThat(Grade.of(index, d)).as("%d", index).isEqualTo(grade));
		assertThat(VanguardIndexCalculator.isWarning(59, d)).isTrue();
		assertThat(VanguardIndexCalculator.isWarning(60, d)).isFalse();
	}
}
