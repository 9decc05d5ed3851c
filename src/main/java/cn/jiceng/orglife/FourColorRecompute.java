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
		jdbc.sql("DROP TABLE IF EXISTS fc_stay, fc_cell").update();
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
		String cells = """
				CREATE TEMPORARY TABLE fc_cell ON COMMIT DROP AS
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
				    %s
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
				""".formatted(organizationId == null ? "" : "WHERE s.branch_id IN (" + branches + ")");
		params.put("yearStart", yearStart);
		params.put("yearEnd", LocalDate.of(year, 12, 31));
		params.put("ownedFrom", yearStart);
		params.put("ownedTo", ownedTo);
		jdbc.sql(cells).params(params).update();
		jdbc.sql("ANALYZE fc_cell").update();
		// Write only the difference: most cells are unchanged from the last run, and rewriting them all would cost
		// more than computing them.
		jdbc.sql("""
				DELETE FROM four_color_month f WHERE f.branch_id IN (%s) AND f.month BETWEEN :from AND :to
				AND NOT EXISTS (SELECT 1 FROM fc_cell c WHERE c.member_id = f.member_id AND c.month = f.month)"""
			.formatted(branches))
			.params(params)
			.update();
		jdbc.sql("""
				UPDATE four_color_month f SET branch_id = c.branch_id, color = c.color, computed_at = now()
				FROM fc_cell c WHERE c.member_id = f.member_id AND c.month = f.month
				AND (f.color <> c.color OR f.branch_id <> c.branch_id)""")
			.update();
		jdbc.sql("""
				INSERT INTO four_color_month (county_id, member_id, month, branch_id, color)
				SELECT :c, c.member_id, c.month, c.branch_id, c.color FROM fc_cell c
				WHERE NOT EXISTS (SELECT 1 FROM four_color_month f WHERE f.member_id = c.member_id AND f.month = c.month)""")
			.param("c", countyId)
			.update();
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
