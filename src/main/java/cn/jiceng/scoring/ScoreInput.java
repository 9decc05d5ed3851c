package cn.jiceng.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An input of the vanguard index (SPEC.md §3 C): attendance, approved claims, cadres' logs, secretaries'
 * lectures, and whatever later capabilities add. An input says which entries a member has in a year; the rules
 * of {@link VanguardIndexCalculator} never change for a new input. A later module implements this interface as a
 * Spring bean in its own package.
 *
 * <p>Each input gives its entries twice: as {@link ScoreEntry} objects with reasons (one member's explanation,
 * recompute on change) and as SQL rows for the set-based full-year recompute of a county. Both must give the same
 * points on the same dates; the consistency test of the scoring module holds the built-in inputs to it.
 */
interface ScoreInput {

	/** The source code of the entries (an {@link EntrySource} code or the module's own). */
	String source();

	/** The entries of {@code ctx.year()} for each of the members; members without entries may be left out. */
	Map<Long, List<ScoreEntry>> entries(ScoreContext ctx, Collection<Long> memberIds);

	/**
	 * The same entries as a SELECT of {@code (member_id BIGINT, on_date DATE, points INT, veto BOOLEAN)} for the
	 * county and the dates of the year; rows of members outside the recompute's scope are ignored, and
	 * {@link SqlScope#members(String)} lets an input leave them out early. Zero-point rows may be left out too.
	 * Available parameters: {@code :county}, {@code :year}, {@code :yearStart}, {@code :yearEnd}, {@code :today}; an
	 * input's own parameters start with its source code in lower case, so inputs never collide.
	 */
	SqlRows sqlRows(ScoreContext ctx, SqlScope scope);

	/** Which members a set-based recompute covers: the whole county, or those of the CTE {@code scope_member(id)}. */
	record SqlScope(boolean wholeCounty) {

		/** A condition on a member id column that keeps the scope's members ({@code TRUE} for a whole county). */
		public String members(String column) {
			return wholeCounty ? "TRUE" : column + " IN (SELECT id FROM scope_member)";
		}
	}

	/**
	 * What the input's numbers depend on beyond the §4.3 settings (e.g. the catalogue item it scores with), so an
	 * index computed before a change is recognised as stale. Empty when nothing.
	 */
	default String settingsKey(ScoreContext ctx) {
		return "";
	}

	record SqlRows(String sql, Map<String, ?> params) {

		public static SqlRows none() {
			return new SqlRows(null, Map.of());
		}

		public boolean isNone() {
			return sql == null;
		}
	}
}
