package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the {@code four_color_month} read model for a county-year (or a subtree of it), set-based: the months
 * each member owns ({@link MembershipSql}), the branch's themed days in the month, and the worst effective status
 * at those held while the member was in the branch (the rule of {@link FourColorPolicy} as a CASE over
 * severities), computed by one SELECT into a temporary table and written back as a difference. Rows exist only
 * for ended months the member owns; NONE when the branch held no themed day. No scope checks: callers are jobs,
 * the benchmark and admin endpoints that check scope themselves.
 */
@Service
public class FourColorRecompute {

	private final JdbcClient jdbc;
	private final Clock clock;

	FourColorRecompute(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Recomputes every member-month of the county's year; returns the number of cells of the year. */
	@Transactional
	public int recomputeYear(long countyId, int year) {
		return recompute(countyId, year, null, LocalDate.now(clock));
	}

	/** Recomputes the cells owned by branches of the subtree of {@code organizationId}. */
	@Transactional
	public int recomputeYear(long countyId, int year, long organizationId) {
		return recompute(countyId, year, organizationId, LocalDate.now(clock));
	}

	/**
	 * {@code today} decides which months have ended (exposed for the benchmark, which pins it). Returns the number
	 * of cells of the county-year (or subtree-year) after the run.
	 */
	@Transactional
	public int recompute(long countyId, int year, Long organizationId, LocalDate today) {
		LocalDate yearStart = LocalDate.of(year, 1, 1);
		YearMonth lastEnded = YearMonth.from(today).minusMonths(1);
		YearMonth december = YearMonth.of(year, 12);
		LocalDate ownedTo = (lastEnded.isBefore(december) ? lastEnded : december).atDay(1);
		// One recompute per county at a time (the nightly job and an admin request could meet).
		jdbc.sql("SELECT pg_advisory_xact_lock(4242, CAST(:c AS int))").param("c", countyId).query(Object.class).list();
		// A batch over a whole county: enough memory to hash in one pass, and no JIT compile for one statement.
		jdbc.sql("SET LOCAL work_mem = '256MB'").update();
		jdbc.sql("SET LOCAL jit = off").update();
		jdbc.sql("DROP TABLE IF EXISTS fc_stay, fc_cell, fc_diff").update();
		// The stays as an analyzed temporary table, so the planner knows their real number (a CTE has no statistics).
		jdbc.sql("CREATE TEMPORARY TABLE fc_stay ON COMMIT DROP AS WITH " + MembershipSql.stays("m.county_id = :c")
				+ "\nSELECT member_id, branch_id, from_on, to_on, next_from FROM stay")
			.param("c", countyId)
			.update();
		jdbc.sql("ANALYZE fc_stay").update();
		Map<String, Object> params = new HashMap<>();
		params.put("c", countyId);
		params.put("from", yearStart);
		params.put("to", december.atDay(1));
		String branches = "SELECT id FROM organization WHERE county_id = :c";
		if (organizationId != null) {
			branches = "SELECT id FROM organization WHERE path LIKE (SELECT path FROM organization WHERE id = :root) || '%'";
			params.put("root", organizationId);
		}
		String inScope = organizationId == null ? "" : "AND s.branch_id IN (" + branches + ")";
		params.put("yearStart", yearStart);
		params.put("yearEnd", LocalDate.of(year, 12, 31));
		params.put("ownedFrom", yearStart);
		params.put("ownedTo", ownedTo);
		// An integer series, so the planner knows how many months there are (a timestamp series reads as 1,000).
		params.put("months", Math.max(0, (ownedTo.getYear() - year) * 12 + ownedTo.getMonthValue()));
		// A stay that covers the whole year and is the member's last is the only one owning their months of the year,
		// and every themed day of its branch in those months counts: a cell is the owned month with the count and
		// the member's attendance rows of the branch-month, aggregated like the bare aggregate, joined by equality
		// (a missing row shows as fewer rows than themed days).
		String wholeYear = "s.next_from IS NULL AND s.from_on <= :yearStart AND (s.to_on IS NULL OR s.to_on > :yearEnd)";
		String fast = """
				CREATE TEMPORARY TABLE fc_cell ON COMMIT DROP AS
				WITH mo AS (
				    SELECT (CAST(:ownedFrom AS date) + i * interval '1 month')::date AS month
				    FROM generate_series(0, CAST(:months AS int) - 1) i
				),
				td AS (
				    SELECT mt.id, mt.organization_id, date_trunc('month', mt.held_on::timestamp)::date AS month
				    FROM meeting mt
				    WHERE mt.county_id = :c AND mt.type = 'THEMED_DAY' AND mt.held_on BETWEEN :yearStart AND :yearEnd
				),
				tdm AS (
				    SELECT organization_id, month, count(*) AS held FROM td GROUP BY organization_id, month
				),
				att AS (
				    SELECT a.member_id, td.organization_id, td.month, count(*) AS n,
				           max(CASE a.status WHEN 'PRESENT' THEN 1 WHEN 'REMOTE' THEN 1 WHEN 'LEAVE' THEN 2
				                    WHEN 'LATE_OR_EARLY' THEN 3 ELSE 4 END) AS worst
				    FROM meeting_attendance a JOIN td ON td.id = a.meeting_id
				    GROUP BY a.member_id, td.organization_id, td.month
				)
				SELECT s.member_id, mo.month, s.branch_id,
				       CASE WHEN t.held IS NULL THEN 'NONE' WHEN a.n IS NULL OR a.n < t.held THEN 'BLACK'
				            WHEN a.worst = 1 THEN 'RED' WHEN a.worst = 2 THEN 'PINK' WHEN a.worst = 3 THEN 'GREEN'
				            ELSE 'BLACK' END AS color
				FROM fc_stay s CROSS JOIN mo
				LEFT JOIN tdm t ON t.organization_id = s.branch_id AND t.month = mo.month
				LEFT JOIN att a ON a.member_id = s.member_id AND a.organization_id = s.branch_id AND a.month = mo.month
				WHERE %s %s
				""".formatted(wholeYear, inScope);
		jdbc.sql(fast).params(params).update();
		// Everyone else (joined or left during the year, transferred, came back): the exact rule per themed day.
		String cells = """
				INSERT INTO fc_cell (member_id, month, branch_id, color)
				WITH mo AS (
				    SELECT gs::date AS month
				    FROM generate_series(CAST(:ownedFrom AS timestamp), CAST(:ownedTo AS timestamp), interval '1 month') gs
				),
				owned AS (
				    SELECT s.member_id, s.branch_id, mo.month, s.from_on, s.to_on
				    FROM fc_stay s JOIN mo ON mo.month >= date_trunc('month', s.from_on::timestamp)
				     AND mo.month <= CASE WHEN s.next_from IS NOT NULL THEN date_trunc('month', s.next_from::timestamp) - interval '1 month'
				                          WHEN s.to_on IS NOT NULL THEN date_trunc('month', (s.to_on - 1)::timestamp)
				                          ELSE CAST(:ownedTo AS timestamp) END
				    WHERE NOT (%s) %s
				),
				-- Stays of members who came back to a branch they had left: their earlier stay there decides the
				-- themed days held before the return (rare, so a small extra join instead of one on every stay).
				again AS (
				    SELECT s.member_id, s.branch_id, s.from_on, s.to_on FROM fc_stay s
				    WHERE EXISTS (SELECT 1 FROM fc_stay x WHERE x.member_id = s.member_id AND x.branch_id = s.branch_id
				                  AND x.from_on <> s.from_on)
				),
				td AS (
				    SELECT mt.id, mt.organization_id, mt.held_on, date_trunc('month', mt.held_on::timestamp)::date AS month
				    FROM meeting mt
				    WHERE mt.county_id = :c AND mt.type = 'THEMED_DAY' AND mt.held_on BETWEEN :yearStart AND :yearEnd
				),
				cell AS (
				    SELECT o.member_id, o.branch_id, o.month, count(td.id) AS held,
				           max(CASE WHEN td.id IS NULL THEN NULL
				                    WHEN (o.from_on <= td.held_on AND (o.to_on IS NULL OR o.to_on > td.held_on))
				                         OR g.member_id IS NOT NULL
				                    THEN CASE coalesce(a.status, 'ABSENT') WHEN 'PRESENT' THEN 1 WHEN 'REMOTE' THEN 1
				                         WHEN 'LEAVE' THEN 2 WHEN 'LATE_OR_EARLY' THEN 3 ELSE 4 END END) AS worst
				    FROM owned o
				    LEFT JOIN td ON td.organization_id = o.branch_id AND td.month = o.month
				    LEFT JOIN again g ON g.member_id = o.member_id AND g.branch_id = o.branch_id
				         AND g.from_on <= td.held_on AND (g.to_on IS NULL OR g.to_on > td.held_on)
				    LEFT JOIN meeting_attendance a ON a.meeting_id = td.id AND a.member_id = o.member_id
				    GROUP BY o.member_id, o.branch_id, o.month
				)
				SELECT member_id, month, branch_id,
				       CASE WHEN held = 0 THEN 'NONE' WHEN worst = 1 THEN 'RED' WHEN worst = 2 THEN 'PINK'
				            WHEN worst = 3 THEN 'GREEN' ELSE 'BLACK' END AS color
				FROM cell WHERE held = 0 OR worst IS NOT NULL
				""".formatted(wholeYear, inScope);
		jdbc.sql(cells).params(params).update();
		jdbc.sql("ANALYZE fc_cell").update();
		// Write only the difference: most cells are unchanged from the last run, and rewriting them all would cost
		// more than computing them. One full join finds it (color null: the cell is gone); the few changed rows
		// are then written by key. Upsert, because a member's row may sit under a branch outside the scope.
		String upsert = """
				ON CONFLICT (member_id, month) DO UPDATE SET branch_id = EXCLUDED.branch_id, color = EXCLUDED.color,
				    computed_at = now()
				WHERE four_color_month.color <> EXCLUDED.color OR four_color_month.branch_id <> EXCLUDED.branch_id""";
		boolean stored = jdbc.sql("SELECT EXISTS (SELECT 1 FROM four_color_month f WHERE f.branch_id IN (%s) AND f.month BETWEEN :from AND :to)"
				.formatted(branches)).params(params).query(Boolean.class).single();
		if (!stored) {
			jdbc.sql("INSERT INTO four_color_month (county_id, member_id, month, branch_id, color)\n"
					+ "SELECT :c, member_id, month, branch_id, color FROM fc_cell\n" + upsert)
				.param("c", countyId)
				.update();
		}
		else {
			jdbc.sql("""
					CREATE TEMPORARY TABLE fc_diff ON COMMIT DROP AS
					SELECT coalesce(c.member_id, f.member_id) AS member_id, coalesce(c.month, f.month) AS month,
					       c.branch_id, c.color
					FROM fc_cell c FULL JOIN (SELECT member_id, month, branch_id, color FROM four_color_month
					                          WHERE branch_id IN (%s) AND month BETWEEN :from AND :to) f
					  ON f.member_id = c.member_id AND f.month = c.month
					WHERE c.member_id IS NULL OR f.member_id IS NULL OR f.color <> c.color OR f.branch_id <> c.branch_id"""
				.formatted(branches))
				.params(params)
				.update();
			jdbc.sql("""
					DELETE FROM four_color_month f USING fc_diff d
					WHERE d.color IS NULL AND f.member_id = d.member_id AND f.month = d.month""")
				.update();
			jdbc.sql("INSERT INTO four_color_month (county_id, member_id, month, branch_id, color)\n"
					+ "SELECT :c, member_id, month, branch_id, color FROM fc_diff WHERE color IS NOT NULL\n" + upsert)
				.param("c", countyId)
				.update();
		}
		return jdbc.sql("SELECT count(*) FROM fc_cell").query(Integer.class).single();
	}

	/** The stored cells of a branch-year: member id → month → color (months without a row are absent). */
	@Transactional(readOnly = true)
	public Map<Long, Map<YearMonth, FourColor>> branchYear(long branchId, int year) {
		Map<Long, Map<YearMonth, FourColor>> cells = new HashMap<>();
		jdbc.sql("SELECT member_id, month, color FROM four_color_month WHERE branch_id = :b AND month BETWEEN :from AND :to")
			.param("b", branchId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 1))
			.query((rs, i) -> {
				cells.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
					.put(YearMonth.from(rs.getObject(2, LocalDate.class)), FourColor.valueOf(rs.getString(3)));
				return null;
			})
			.list();
		return cells;
	}

	/** Stored color distribution of a subtree for a month (dashboards); scope is the caller's business. */
	@Transactional(readOnly = true)
	public Map<FourColor, Long> distribution(long organizationId, YearMonth month) {
		Map<FourColor, Long> counts = new EnumMap<>(FourColor.class);
		jdbc.sql("""
				SELECT f.color, count(*) FROM four_color_month f JOIN organization o ON o.id = f.branch_id
				WHERE f.month = :m AND o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'
				GROUP BY f.color""")
			.param("m", month.atDay(1))
			.param("root", organizationId)
			.query((rs, i) -> counts.put(FourColor.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}
}
