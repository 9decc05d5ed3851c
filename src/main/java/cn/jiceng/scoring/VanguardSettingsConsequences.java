package cn.jiceng.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.SettingsConsequences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which members' vanguard index, grade or warning a settings change would change: the stored indexes (brought up to
 * date under the settings in force) against the engine's own set-based computation under the proposed settings, so
 * the preview and a later recompute cannot disagree.
 */
@Component
class VanguardSettingsConsequences implements SettingsConsequences {

	private static final int NAMED = 8;

	private final VanguardEngine engine;
	private final JdbcClient jdbc;

	VanguardSettingsConsequences(VanguardEngine engine, JdbcClient jdbc) {
		this.engine = engine;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public List<String> of(long countyId, int year, RuleSettings current, RuleSettings proposed) {
		ScoreContext now = engine.context(countyId, year);
		ScoreContext then = new ScoreContext(countyId, year, proposed, now.catalogue(), now.today());
		if (engine.settingsKey(now).equals(engine.settingsKey(then))) {
			return List.of();
		}
		engine.ensureFresh(countyId, year);
		VanguardEngine.SetStatement statement = engine.setStatement(then, null);
		VanguardEngine.PLANNER_SETTINGS.forEach(setting -> jdbc.sql("SET LOCAL " + setting).update());
		String changed = "SELECT n.member_id, m.name, o.score AS old_score, n.score AS new_score, o.grade AS old_grade, "
				+ "n.grade AS new_grade, o.warning AS old_warning, n.warning AS new_warning "
				+ "FROM (" + statement.sql() + ") n JOIN vanguard_index o ON o.member_id = n.member_id AND o.year = :year "
				+ "JOIN member m ON m.id = n.member_id";
		Map<String, Object> params = statement.params();
		long[] counts = jdbc.sql("SELECT count(*) FILTER (WHERE old_score <> new_score), "
				+ "count(*) FILTER (WHERE old_grade <> new_grade), count(*) FILTER (WHERE new_warning AND NOT old_warning), "
				+ "count(*) FILTER (WHERE old_warning AND NOT new_warning) FROM (" + changed + ") c")
			.params(params)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
		List<String> lines = new ArrayList<>();
		if (counts[0] + counts[1] + counts[2] + counts[3] == 0) {
			lines.add(year + "年度先锋指数：已计算的党员指数、等次和警示均不变。");
			return lines;
		}
		lines.add(year + "年度先锋指数：" + counts[0] + "名党员的指数变化，" + counts[1] + "名党员的等次变化；新增警示党员" + counts[2]
				+ "名，解除警示" + counts[3] + "名。");
		List<String> examples = jdbc.sql("SELECT * FROM (" + changed + ") c WHERE old_grade <> new_grade "
				+ "OR old_warning <> new_warning ORDER BY c.new_warning DESC, c.name, c.member_id LIMIT " + NAMED)
			.params(params)
			.query((rs, i) -> rs.getString("name") + "：" + rs.getInt("old_score") + "分"
					+ label(rs.getString("old_grade"), rs.getBoolean("old_warning")) + " → " + rs.getInt("new_score") + "分"
					+ label(rs.getString("new_grade"), rs.getBoolean("new_warning")))
			.list();
		if (!examples.isEmpty()) {
			lines.add("等次或警示变化的党员（部分）：" + String.join("；", examples) + "。");
		}
		return lines;
	}

	private static String label(String grade, boolean warning) {
		String g = Grade.valueOf(grade).label();
		return "（" + g + (warning && Grade.valueOf(grade) != Grade.WARNING ? "，警示党员" : "") + "）";
	}
}
