package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.BONUS_CAP_PER_YEAR;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import cn.jiceng.settings.RuleSettings;

/**
 * The set-based vanguard index statement: {@link VanguardIndexCalculator}'s rule (cap, clamp, veto, quarters) written
 * as one SELECT over the inputs' SQL rows, returning only the rows that differ from the stored ones. Kept apart from
 * {@link VanguardEngine}, which runs it, so the SQL builder can be read and changed on its own.
 */
final class VanguardSetSql {

	private VanguardSetSql() {
	}

	static VanguardEngine.SetStatement statement(ScoreContext ctx, String pathPrefix, List<ScoreInput> inputs, String key) {
		int year = ctx.year();
		long countyId = ctx.countyId();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("county", countyId);
		params.put("year", year);
		params.put("yearStart", ctx.yearStart());
		params.put("yearEnd", ctx.yearEnd());
		params.put("today", ctx.today());
		String scopeMember = scopeMemberCte(pathPrefix, params);

		List<String> rows = new ArrayList<>();
		for (ScoreInput input : inputs) {
			ScoreInput.SqlRows r = input.sqlRows(ctx, new ScoreInput.SqlScope(pathPrefix == null));
			if (r.isNone()) {
				continue;
			}
			for (var p : r.params().entrySet()) {
				Object old = params.putIfAbsent(p.getKey(), p.getValue());
				if (old != null && !Objects.equals(old, p.getValue())) {
					throw new IllegalStateException("积分来源 " + input.source() + " 的参数名冲突：" + p.getKey());
				}
			}
			rows.add("(" + r.sql() + ")");
		}
		RuleSettings s = ctx.settings();
		int cap = Math.max(0, s.get(BONUS_CAP_PER_YEAR));
		List<LocalDate> ends = Quarters.endsOf(year);
		String[] end = new String[4];
		for (int q = 0; q < 4; q++) {
			end[q] = "DATE '" + ends.get(q) + "'";
		}
		// Per entry: its points in the column of its quarter (deductions and bonus apart, for the bonus cap; NULL in
		// the others, which a sum skips) and its veto as bits of its quarter and every later one. Plain sums per
		// member, then running totals at the quarter ends from them.
		StringJoiner contributions = new StringJoiner(", ");
		for (int q = 1; q <= 4; q++) {
			String in = (q == 1 ? "" : " AND on_date > " + end[q - 2]) + (q == 4 ? "" : " AND on_date <= " + end[q - 1]);
			contributions.add("CASE WHEN points < 0" + in + " THEN points END AS d" + q);
			contributions.add("CASE WHEN points > 0" + in + " THEN points END AS b" + q);
		}
		contributions.add("CASE WHEN veto THEN CASE WHEN on_date <= " + end[0] + " THEN 15 WHEN on_date <= " + end[1]
				+ " THEN 14 WHEN on_date <= " + end[2] + " THEN 12 ELSE 8 END ELSE 0 END AS vb");
		String entry = rows.isEmpty() ? "SELECT CAST(NULL AS bigint), CAST(NULL AS date), 0, FALSE WHERE FALSE"
				: String.join("\nUNION ALL\n", rows);

		// The running totals at the quarter ends, as expressions over the aggregate.
		List<String> aggD = new ArrayList<>();
		List<String> aggB = new ArrayList<>();
		StringJoiner d = new StringJoiner(" + ", "(", ")");
		StringJoiner b = new StringJoiner(" + ", "(", ")");
		StringJoiner sums = new StringJoiner(", ");
		for (int q = 1; q <= 4; q++) {
			d.add("coalesce(sum(d" + q + "), 0)");
			b.add("coalesce(sum(b" + q + "), 0)");
			aggD.add(d.toString());
			aggB.add(b.toString());
			sums.add(d + " AS d" + q).add(b + " AS b" + q);
		}
		sums.add("bit_or(vb) AS vb");
		List<String> aggQuarters = new ArrayList<>();
		List<String> newQuarters = new ArrayList<>();
		List<String> emptyQuarters = new ArrayList<>();
		List<String> storedQuarters = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			boolean ended = ctx.today().isAfter(ends.get(q - 1));
			aggQuarters.add(ended ? quarterScore(aggD.get(q - 1), aggB.get(q - 1), "bit_or(vb)", q, cap) : "NULL");
			newQuarters.add(ended ? quarterScore("coalesce(g.d" + q + ", 0)", "coalesce(g.b" + q + ", 0)", "coalesce(g.vb, 0)", q, cap) : "NULL");
			emptyQuarters.add(ended ? quarterScore("0", "0", "0", q, cap) : "NULL");
			storedQuarters.add("o.q" + q);
		}
		String aggScore = quarterScore(aggD.get(3), aggB.get(3), "bit_or(vb)", 4, cap);
		String newScore = quarterScore("coalesce(g.d4, 0)", "coalesce(g.b4, 0)", "coalesce(g.vb, 0)", 4, cap);
		String emptyScore = quarterScore("0", "0", "0", 4, cap);
		String grades = Grade.sqlCodeOfName("o.grade");

		// Only rows that differ from the stored ones come out, so a recompute that changes little writes little. The
		// comparison packs a row's small numbers into one bigint (signature): a member's new one is computed by the
		// aggregate, once per member with entries (members without entries share one constant), the stored one next
		// to the scan of the stored rows, in the workers, so the serial step at the end is a hash join comparing four
		// numbers per member; the full row is computed only for the rows that differ. A SELECT of regular tables (no
		// write, no temporary table) that PostgreSQL may run in parallel.
		String sql = "WITH " + scopeMember + ",\n"
				+ "entry (member_id, on_date, points, veto) AS (SELECT e.member_id, e.on_date, CAST(e.points AS int), e.veto "
				+ "FROM (" + entry + ") e),\n"
				+ "g AS (SELECT member_id, " + sums + ", "
				+ signature(aggScore, aggQuarters, "bit_or(vb) & 8", VanguardIndexCalculator.sqlIsWarning(aggScore, s), gradeCode(aggScore, s))
				+ " AS sig FROM (SELECT member_id, " + contributions + " FROM entry) c GROUP BY member_id),\n"
				+ "ms AS (SELECT s.id AS member_id, o.member_id IS NULL AS fresh, o.county_id AS o_county, o.deductions AS o_d, "
				+ "o.bonus AS o_b, o.bonus_counted AS o_bc, "
				+ signature("o.score", storedQuarters, "CAST(o.veto AS int)", "o.warning", grades) + " AS o_sig "
				+ "FROM scope_member s LEFT JOIN vanguard_index o ON o.member_id = s.id AND o.year = :year)\n"
				+ "SELECT ms.member_id, CAST(:year AS int) AS year, CAST(:county AS bigint) AS county_id, CAST(" + newScore
				+ " AS smallint) AS score, CAST(" + gradeName(newScore, s) + " AS varchar) AS grade, "
				+ VanguardIndexCalculator.sqlIsWarning(newScore, s) + " AS warning, CAST(coalesce(g.d4, 0) AS int) AS deductions, CAST(coalesce(g.b4, 0) AS int) "
				+ "AS bonus, CAST(least(coalesce(g.b4, 0), " + cap + ") AS int) AS bonus_counted, coalesce(g.vb, 0) & 8 <> 0 AS veto, "
				+ "CAST(" + newQuarters.get(0) + " AS smallint) AS q1, CAST(" + newQuarters.get(1) + " AS smallint) AS q2, CAST("
				+ newQuarters.get(2) + " AS smallint) AS q3, CAST(" + newQuarters.get(3) + " AS smallint) AS q4, ms.fresh, "
				+ "NOT ms.fresh AND ms.o_county IS DISTINCT FROM :county AS moved\n"
				+ "FROM ms LEFT JOIN g ON g.member_id = ms.member_id\n"
				+ "WHERE ms.o_county IS DISTINCT FROM :county OR ms.o_sig IS DISTINCT FROM coalesce(g.sig, "
				+ signature(emptyScore, emptyQuarters, "0", VanguardIndexCalculator.sqlIsWarning(emptyScore, s), gradeCode(emptyScore, s))
				+ ") OR ms.o_d IS DISTINCT FROM coalesce(g.d4, 0) OR ms.o_b IS DISTINCT FROM coalesce(g.b4, 0) "
				+ "OR ms.o_bc IS DISTINCT FROM least(coalesce(g.b4, 0), " + cap + ")";
		return new VanguardEngine.SetStatement(sql, params, key);
	}

	static String scopeMemberCte(String pathPrefix, Map<String, Object> params) {
		if (pathPrefix != null) {
			params.put("prefix", pathPrefix + "%");
			return "scope_member AS (SELECT m.id FROM member m JOIN organization o ON o.id = m.organization_id "
					+ "WHERE m.county_id = :county AND o.path LIKE :prefix AND " + VanguardEngine.QUALIFIES + ")";
		}
		return "scope_member AS (SELECT m.id FROM member m WHERE m.county_id = :county AND " + VanguardEngine.QUALIFIES + ")";
	}

	/** The calculator's rule in SQL: veto → 0, else clamp(BASE + deductions + min(bonus, cap)). */
	private static String quarterScore(String deductions, String bonus, String vetoBits, int q, int cap) {
		return "(CASE WHEN " + vetoBits + " & " + (1 << (q - 1)) + " <> 0 THEN 0 ELSE greatest(" + VanguardIndexCalculator.MIN
				+ ", least(" + VanguardIndexCalculator.MAX + ", " + VanguardIndexCalculator.BASE + " + " + deductions
				+ " + least(" + bonus + ", " + cap + "))) END)";
	}

	/**
	 * A row's small numbers in one bigint, 7 bits each (score and quarters are 0..100 by the table's checks, 127 for a
	 * quarter not yet ended), then veto, warning and the grade's code: equal signatures, equal columns.
	 */
	private static String signature(String score, List<String> quarters, String vetoBit, String warning, String gradeCode) {
		StringBuilder sig = new StringBuilder("(CAST(").append(score).append(" AS bigint)");
		for (int q = 0; q < 4; q++) {
			sig.append(" | (CAST(coalesce(").append(quarters.get(q)).append(", 127) AS bigint) << ").append(7 * (q + 1)).append(')');
		}
		sig.append(" | (CAST(CASE WHEN (").append(vetoBit).append(") <> 0 THEN 1 ELSE 0 END AS bigint) << 35)");
		sig.append(" | (CAST(CASE WHEN ").append(warning).append(" THEN 1 ELSE 0 END AS bigint) << 36)");
		sig.append(" | (CAST(").append(gradeCode).append(" AS bigint) << 37))");
		return sig.toString();
	}

	private static String gradeCode(String column, RuleSettings s) {
		return Grade.sqlOf(column, s, grade -> String.valueOf(Grade.code(grade)));
	}

	private static String gradeName(String column, RuleSettings s) {
		return Grade.sqlOf(column, s, Grade::sqlName);
	}
}
