package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the {@code four_color_year} read model for a county-year (or a subtree of it), set-based, in two paths.
 *
 * <p>Most members were in one branch the whole year (joined before it, not left, no transfer in it). For them one
 * statement aggregates the year's themed-day attendance per member — the row count and, per month, the set of
 * severities seen, packed four bits a month into a {@code bigint} — and turns it into the year's letters by the rule
 * of {@link FourColorPolicy} (worst severity wins; a month without a themed day is NONE). A member whose rows do
 * not add up (fewer rows than themed days, or rows in another branch) is handed to the exact path. The same
 * statement compares with the stored rows, so it yields only the difference.
 *
 * <p>Everyone else (joined or left during the year, transferred, came back) takes the exact rule per themed day
 * over their stays ({@link MembershipSql}). No scope checks: callers are jobs, the benchmark and admin endpoints
 * that check scope themselves.
 */
@Service
class FourColorRecompute {

	/** The letters of {@code four_color_year.colors}; '-' is a month the member does not own in that branch. */
	private static final Map<FourColor, Character> LETTERS = new EnumMap<>(Map.of(FourColor.RED, 'R', FourColor.PINK, 'P',
			FourColor.GREEN, 'G', FourColor.BLACK, 'B', FourColor.NONE, 'N'));

	private static final char NOT_OWNED = '-';

	/** The attendance colors, least severe first: a color's position is its bit in a month's four bits. */
	private static final List<FourColor> BY_SEVERITY = FourColor.attendanceColors();

	/**
	 * The bit of an attendance status's color ({@link FourColor#of}) in its month's four bits: the least severe
	 * color 0 up to the most severe 3 (also for a missing row, which counts as absent).
	 */
	private static final String SEVERITY_BIT = FourColor.sqlSeverity("a.status", -BY_SEVERITY.get(0).severity());

	static {
		if (BY_SEVERITY.size() > 4) {
			throw new IllegalStateException("four bits a month cannot hold " + BY_SEVERITY.size() + " colors");
		}
		for (int i = 0; i < BY_SEVERITY.size(); i++) {
			if (BY_SEVERITY.get(i).severity() != BY_SEVERITY.get(0).severity() + i) {
				throw new IllegalStateException("attendance color severities must be consecutive: " + BY_SEVERITY);
			}
		}
	}

	private static final Logger log = LoggerFactory.getLogger(FourColorRecompute.class);

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
	 * of cells (owned member-months) of the county-year (or subtree-year) after the run.
	 */
	@Transactional
	public int recompute(long countyId, int year, Long organizationId, LocalDate today) {
		long started = System.nanoTime();
		LocalDate yearStart = LocalDate.of(year, 1, 1);
		// Months of the year that have ended: the only ones a member can own.
		int owned = (int) Math.max(0, Math.min(12, (today.getYear() - year) * 12L + today.getMonthValue() - 1));
		// One recompute per county at a time (the nightly job and an admin request could meet).
		jdbc.sql("SELECT pg_advisory_xact_lock(4242, CAST(:c AS int))").param("c", countyId).query(Object.class).list();
		// A batch over a whole county: enough memory to hash in one pass, and no JIT compile for one statement.
		jdbc.sql("SET LOCAL work_mem = '256MB'").update();
		jdbc.sql("SET LOCAL jit = off").update();
		jdbc.sql("DROP TABLE IF EXISTS fc_diff, fc_rest, fc_stay, fc_att, fc_exact").update();
		Map<String, Object> params = new HashMap<>();
		params.put("c", countyId);
		params.put("y", year);
		params.put("yearStart", yearStart);
		params.put("yearEnd", LocalDate.of(year, 12, 31));
		params.put("ownedEnd", yearStart.plusMonths(owned));
		params.put("ownedFrom", yearStart);
		params.put("ownedTo", yearStart.plusMonths(owned - 1));
		String branches = "SELECT id FROM organization WHERE county_id = :c";
		if (organizationId != null) {
			branches = "SELECT id FROM organization WHERE path LIKE (SELECT path FROM organization WHERE id = :root) || '%'";
			params.put("root", organizationId);
		}
		String storedScope = organizationId == null ? "county_id = :c" : "branch_id IN (" + branches + ")";
		if (owned == 0) {
			jdbc.sql("DELETE FROM four_color_year WHERE year = :y AND " + storedScope).params(params).update();
			return 0;
		}
		String wholeYear = MembershipSql.inOneBranchThroughout(":yearStart", ":yearEnd");
		// The diff: PUT a whole-year member's letters that differ from the stored row, GONE a stored row no
		// whole-year member has, EXACT a whole-year member whose attendance rows do not add up. Only regular tables
		// are read, so PostgreSQL may scan and aggregate the attendance in parallel.
		jdbc.sql("""
				CREATE TEMPORARY TABLE fc_diff ON COMMIT DROP AS
				WITH td AS (
				    SELECT id, organization_id, CAST(extract(month FROM held_on) AS int) - 1 AS m FROM meeting
				    WHERE county_id = :c AND type = 'THEMED_DAY' AND held_on >= :yearStart AND held_on < :ownedEnd
				),
				-- The themed days again rather than from td: a CTE used twice is materialized without statistics, and
				-- the planner would then hash the attendance instead of the meetings and give up the parallel scan.
				held AS (
				    SELECT organization_id, count(*) AS n, bit_or(1 << (CAST(extract(month FROM held_on) AS int) - 1)) AS months
				    FROM meeting
				    WHERE county_id = :c AND type = 'THEMED_DAY' AND held_on >= :yearStart AND held_on < :ownedEnd
				    GROUP BY organization_id
				),
				att AS (
				    SELECT a.member_id, count(*) AS n, min(td.organization_id) AS lo, max(td.organization_id) AS hi,
				           bit_or(CAST(1 AS bigint) << (4 * td.m + %s)) AS seen
				    FROM meeting_attendance a JOIN td ON td.id = a.meeting_id
				    GROUP BY a.member_id
				),
				fast AS (
				    SELECT m.id AS member_id, m.organization_id AS branch_id,
				           coalesce(a.n, 0) = coalesce(h.n, 0)
				               AND (a.n IS NULL OR (a.lo = m.organization_id AND a.hi = m.organization_id)) AS complete,
				           %s AS colors
				    FROM member m
				    LEFT JOIN held h ON h.organization_id = m.organization_id
				    LEFT JOIN att a ON a.member_id = m.id
				    WHERE m.county_id = :c AND %s %s
				),
				stored AS (
				    SELECT member_id, branch_id, colors FROM four_color_year WHERE year = :y AND %s
				)
				SELECT coalesce(n.member_id, s.member_id) AS member_id, coalesce(n.branch_id, s.branch_id) AS branch_id,
				       CASE WHEN n.member_id IS NULL THEN 'GONE' WHEN NOT n.complete THEN 'EXACT' ELSE 'PUT' END AS action,
				       n.colors
				FROM fast n FULL JOIN stored s ON s.member_id = n.member_id AND s.branch_id = n.branch_id
				WHERE n.member_id IS NULL OR NOT n.complete OR s.member_id IS NULL OR s.colors <> n.colors"""
			.formatted(SEVERITY_BIT, lettersFromBits(owned), wholeYear,
					organizationId == null ? "" : "AND m.organization_id IN (" + branches + ")", storedScope))
			.params(params)
			.update();
		long diffed = System.nanoTime();
		// The exact path: every other member who may own a month of the year, and the incomplete ones above.
		jdbc.sql("""
				CREATE TEMPORARY TABLE fc_rest ON COMMIT DROP AS
				SELECT m.id FROM member m WHERE m.county_id = :c AND %s
				UNION SELECT member_id FROM fc_diff WHERE action = 'EXACT'"""
				.formatted(MembershipSql.notInOneBranchThroughout(":yearStart", ":yearEnd")))
			.params(params)
			.update();
		jdbc.sql("CREATE TEMPORARY TABLE fc_stay ON COMMIT DROP AS WITH "
				+ MembershipSql.stays("m.id IN (SELECT id FROM fc_rest)")
				+ "\nSELECT member_id, branch_id, from_on, to_on, next_from FROM stay")
			.update();
		jdbc.sql("ANALYZE fc_stay").update();
		// Their attendance rows, fetched through the member index: few members, so a lookup per member beats the
		// scan of the whole year's attendance that a join in the statement below would plan.
		jdbc.sql("""
				CREATE TEMPORARY TABLE fc_att ON COMMIT DROP AS
				SELECT a.meeting_id, a.member_id, a.status FROM meeting_attendance a
				WHERE a.member_id IN (SELECT DISTINCT member_id FROM fc_stay)""")
			.update();
		jdbc.sql("ANALYZE fc_att").update();
		String inScope = organizationId == null ? "" : "WHERE s.branch_id IN (" + branches + ")";
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			letters.append(i == 0 ? "" : " || ").append("coalesce(max(letter) FILTER (WHERE month = DATE '")
				.append(yearStart.plusMonths(i)).append("'), '").append(NOT_OWNED).append("')");
		}
		String exactCells = """
				CREATE TEMPORARY TABLE fc_exact ON COMMIT DROP AS
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
				    WHERE mt.county_id = :c AND mt.type = 'THEMED_DAY' AND mt.held_on >= :yearStart AND mt.held_on < :ownedEnd
				),
				cell AS (
				    SELECT o.member_id, o.branch_id, o.month, count(td.id) AS held,
				           max(CASE WHEN td.id IS NULL THEN NULL
				                    WHEN (o.from_on <= td.held_on AND (o.to_on IS NULL OR o.to_on > td.held_on))
				                         OR g.member_id IS NOT NULL
				                    THEN %s END) AS worst
				    FROM owned o
				    LEFT JOIN td ON td.organization_id = o.branch_id AND td.month = o.month
				    LEFT JOIN again g ON g.member_id = o.member_id AND g.branch_id = o.branch_id
				         AND g.from_on <= td.held_on AND (g.to_on IS NULL OR g.to_on > td.held_on)
				    LEFT JOIN fc_att a ON a.meeting_id = td.id AND a.member_id = o.member_id
				    GROUP BY o.member_id, o.branch_id, o.month
				),
				lettered AS (
				    SELECT member_id, branch_id, month,
				           %s AS letter
				    FROM cell WHERE held = 0 OR worst IS NOT NULL
				)
				SELECT member_id, branch_id, %s AS colors FROM lettered GROUP BY member_id, branch_id"""
			.formatted(inScope, FourColor.sqlSeverity("a.status", 0), letterOfWorst(), letters);
		jdbc.sql(exactCells).params(params).update();
		long exact = System.nanoTime();
		int deleted = jdbc.sql("""
				DELETE FROM four_color_year f USING fc_diff d
				WHERE d.action = 'GONE' AND f.year = :y AND f.member_id = d.member_id AND f.branch_id = d.branch_id
				  AND NOT EXISTS (SELECT 1 FROM fc_exact e WHERE e.member_id = d.member_id AND e.branch_id = d.branch_id)""")
			.params(params)
			.update();
		int written = jdbc.sql("""
				INSERT INTO four_color_year (year, member_id, branch_id, county_id, colors)
				SELECT :y, member_id, branch_id, :c, colors FROM fc_diff WHERE action = 'PUT'
				UNION ALL
				SELECT :y, member_id, branch_id, :c, colors FROM fc_exact
				ON CONFLICT (year, member_id, branch_id, county_id) DO UPDATE SET colors = EXCLUDED.colors,
				    computed_at = now()
				WHERE four_color_year.colors <> EXCLUDED.colors""")
			.params(params)
			.update();
		long wrote = System.nanoTime();
		int cells = jdbc.sql("SELECT coalesce(sum(length(replace(colors, '-', ''))), 0) FROM four_color_year WHERE year = :y AND "
				+ storedScope)
			.params(params)
			.query(Integer.class)
			.single();
		log.info("Four colors of county {} year {}{}: {} cells, {} rows written, {} removed in {} ms (diff {} ms, exact {} ms, write {} ms)",
				countyId, year, organizationId == null ? "" : " under " + organizationId, cells, written, deleted,
				ms(started, System.nanoTime()), ms(started, diffed), ms(diffed, exact), ms(exact, wrote));
		return cells;
	}

	private static long ms(long from, long to) {
		return (to - from) / 1_000_000;
	}

	/**
	 * The letter of an exact cell from {@code held} (themed days of the month) and {@code worst} (the highest
	 * {@link FourColor#severity} seen): NONE without a themed day, else the color of that severity.
	 */
	private static String letterOfWorst() {
		StringBuilder sql = new StringBuilder("CASE WHEN held = 0 THEN '").append(LETTERS.get(FourColor.NONE)).append('\'');
		for (int i = 0; i < BY_SEVERITY.size() - 1; i++) {
			sql.append(" WHEN worst = ").append(BY_SEVERITY.get(i).severity()).append(" THEN '")
				.append(LETTERS.get(BY_SEVERITY.get(i))).append('\'');
		}
		return sql.append(" ELSE '").append(LETTERS.get(BY_SEVERITY.get(BY_SEVERITY.size() - 1))).append("' END").toString();
	}

	/**
	 * The letters of the owned months from {@code held.months} (bit m: the branch held a themed day in month m) and
	 * {@code att.seen} (bits 4m..4m+3: the severities seen in month m); '-' for the months not yet ended.
	 */
	private static String lettersFromBits(int owned) {
		if (owned == 0) {
			return "'" + String.valueOf(NOT_OWNED).repeat(12) + "'";
		}
		StringJoiner months = new StringJoiner(" || ");
		for (int m = 0; m < owned; m++) {
			// worst wins: the most severe color seen in the month, the least severe one when nothing worse was seen
			StringBuilder month = new StringBuilder("CASE WHEN coalesce(h.months, 0) & ").append(1 << m)
				.append(" = 0 THEN '").append(LETTERS.get(FourColor.NONE)).append('\'');
			for (int bit = BY_SEVERITY.size() - 1; bit > 0; bit--) {
				month.append(" WHEN a.seen & ").append((1L << bit) << (4 * m)).append(" <> 0 THEN '")
					.append(LETTERS.get(BY_SEVERITY.get(bit))).append('\'');
			}
			months.add(month.append(" ELSE '").append(LETTERS.get(BY_SEVERITY.get(0))).append("' END"));
		}
		if (owned < 12) {
			months.add("'" + String.valueOf(NOT_OWNED).repeat(12 - owned) + "'");
		}
		return months.toString();
	}

	/** The stored cells of a branch-year: member id → month → color (months not owned are absent). */
	@Transactional(readOnly = true)
	public Map<Long, Map<YearMonth, FourColor>> branchYear(long branchId, int year) {
		Map<Long, Map<YearMonth, FourColor>> cells = new HashMap<>();
		jdbc.sql("SELECT member_id, colors FROM four_color_year WHERE branch_id = :b AND year = :y")
			.param("b", branchId)
			.param("y", year)
			.query((rs, i) -> {
				Map<YearMonth, FourColor> row = cells.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>());
				String colors = rs.getString(2);
				for (int m = 0; m < 12; m++) {
					FourColor color = colorOf(colors.charAt(m));
					if (color != null) {
						row.put(YearMonth.of(year, m + 1), color);
					}
				}
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
				SELECT substr(f.colors, :m, 1), count(*) FROM four_color_year f JOIN organization o ON o.id = f.branch_id
				WHERE f.year = :y AND o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'
				  AND substr(f.colors, :m, 1) <> '-'
				GROUP BY 1""")
			.param("m", month.getMonthValue())
			.param("y", month.getYear())
			.param("root", organizationId)
			.query((rs, i) -> counts.put(colorOf(rs.getString(1).charAt(0)), rs.getLong(2)))
			.list();
		return counts;
	}

	private static FourColor colorOf(char letter) {
		for (Map.Entry<FourColor, Character> e : LETTERS.entrySet()) {
			if (e.getValue() == letter) {
				return e.getKey();
			}
		}
		return null;
	}
}
