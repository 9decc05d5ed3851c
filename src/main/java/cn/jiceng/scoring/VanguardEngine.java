package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.BONUS_CAP_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.GRADE_BASIC_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_EXCELLENT_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_QUALIFIED_AT;
import static cn.jiceng.settings.RuleCatalog.MEETING_DEDUCTIONS;
import static cn.jiceng.settings.RuleCatalog.SECRETARY_MIN_LECTURES_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.THEMED_DAY_DEDUCTIONS;
import static cn.jiceng.settings.RuleCatalog.WARNING_BELOW;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.jiceng.member.RollMembership;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes vanguard indexes and keeps the {@code vanguard_index} read model. Two paths give the same numbers:
 * <ul>
 * <li>per member (on change, and on every read of one member's index): the inputs' {@link ScoreEntry} objects
 * through {@link VanguardIndexCalculator}, which also explains the number;</li>
 * <li>set-based per county or subtree (full-year recompute, lists whose county-year is stale): one INSERT … SELECT
 * aggregating the inputs' SQL rows, with the calculator's rule (cap, clamp, veto) written as SQL.</li>
 * </ul>
 * Both take no data scope: callers check it. Neither audits: the index is derived data, and the admin action that
 * asks for a recompute is audited by its caller.
 */
@Component
class VanguardEngine {

	/** Who has an index for a year: on the county roll at some time of it (as orglife's membership rule). */
	static final String QUALIFIES = RollMembership.sqlOnRollDuring("CAST(:yearStart AS date)", "CAST(:yearEnd AS date)");

	private static final String COLUMNS = "member_id, year, county_id, score, grade, warning, deductions, bonus, "
			+ "bonus_counted, veto, q1, q2, q3, q4, computed_at";

	private static final String ON_CONFLICT = """
			ON CONFLICT (member_id, year, county_id) DO UPDATE SET score = EXCLUDED.score,
			    grade = EXCLUDED.grade, warning = EXCLUDED.warning, deductions = EXCLUDED.deductions,
			    bonus = EXCLUDED.bonus, bonus_counted = EXCLUDED.bonus_counted, veto = EXCLUDED.veto, q1 = EXCLUDED.q1,
			    q2 = EXCLUDED.q2, q3 = EXCLUDED.q3, q4 = EXCLUDED.q4, computed_at = EXCLUDED.computed_at
			WHERE (vanguard_index.county_id, vanguard_index.score, vanguard_index.grade, vanguard_index.warning,
			       vanguard_index.deductions, vanguard_index.bonus, vanguard_index.bonus_counted, vanguard_index.veto,
			       vanguard_index.q1, vanguard_index.q2, vanguard_index.q3, vanguard_index.q4)
			   IS DISTINCT FROM
			      (EXCLUDED.county_id, EXCLUDED.score, EXCLUDED.grade, EXCLUDED.warning, EXCLUDED.deductions,
			       EXCLUDED.bonus, EXCLUDED.bonus_counted, EXCLUDED.veto, EXCLUDED.q1, EXCLUDED.q2, EXCLUDED.q3,
			       EXCLUDED.q4)""";

	/**
	 * Settings for the transaction of a set-based recompute (public so the benchmark can EXPLAIN under them):
	 * <ul>
	 * <li>a batch over a county's attendance gets enough memory to aggregate and join in memory, not on disk;</li>
	 * <li>one long statement per county: starting workers costs nothing next to it, so let the planner use them for
	 * the scans, joins and partial aggregates of a million rows (by default it prices a worker's start and every row
	 * it passes on high enough to keep most of this statement serial);</li>
	 * <li>no JIT: the statement is large and its estimated cost high, so PostgreSQL would spend seconds compiling it
	 * (inlining and optimization, measured 2.7 s) to save less than that in execution.</li>
	 * </ul>
	 */
	public static final List<String> PLANNER_SETTINGS = List.of("work_mem = '256MB'", "parallel_setup_cost = 0",
			"parallel_tuple_cost = 0.001", "jit = off");

	private final JdbcClient jdbc;
	private final RuleSettingsService settingsService;
	private final PointCatalogue catalogue;
	private final List<ScoreInput> inputs;
	private final Clock clock;

	VanguardEngine(JdbcClient jdbc, RuleSettingsService settingsService, PointCatalogue catalogue,
			List<ScoreInput> inputs, Clock clock) {
		this.jdbc = jdbc;
		this.settingsService = settingsService;
		this.catalogue = catalogue;
		this.inputs = List.copyOf(inputs);
		this.clock = clock;
		Set<String> sources = new TreeSet<>();
		for (ScoreInput input : inputs) {
			if (!sources.add(input.source())) {
				throw new IllegalStateException("两个积分来源使用了同一代码：" + input.source());
			}
		}
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public ScoreContext context(long countyId, int year) {
		return new ScoreContext(countyId, year, settingsService.forCountyYear(countyId, year),
				catalogue.activeItems(countyId), today());
	}

	/** The numbers an index depends on: §4.3 settings and what each input reads beyond them. */
	public String settingsKey(ScoreContext ctx) {
		RuleSettings s = ctx.settings();
		StringJoiner key = new StringJoiner(";");
		key.add("warningBelow=" + s.get(WARNING_BELOW));
		key.add("bonusCapPerYear=" + s.get(BONUS_CAP_PER_YEAR));
		key.add("grades=" + s.get(GRADE_EXCELLENT_AT) + "/" + s.get(GRADE_QUALIFIED_AT) + "/" + s.get(GRADE_BASIC_AT));
		key.add("themedDay=" + new TreeMap<>(s.get(THEMED_DAY_DEDUCTIONS)));
		key.add("meetings=" + new TreeMap<>(s.get(MEETING_DEDUCTIONS)));
		key.add("lectures=" + s.get(SECRETARY_MIN_LECTURES_PER_YEAR));
		for (ScoreInput input : inputs) {
			String k = input.settingsKey(ctx);
			if (k != null && !k.isEmpty()) {
				key.add(k);
			}
		}
		return key.toString();
	}

	/** Every input's entries for the members, merged per member. */
	public Map<Long, List<ScoreEntry>> entries(ScoreContext ctx, Collection<Long> memberIds) {
		Map<Long, List<ScoreEntry>> all = new HashMap<>();
		for (ScoreInput input : inputs) {
			input.entries(ctx, memberIds).forEach((member, entries) -> {
				for (ScoreEntry e : entries) {
					if (!e.source().equals(input.source())) {
						throw new IllegalStateException("积分来源 " + input.source() + " 给出了来源为 " + e.source() + " 的记录");
					}
				}
				all.computeIfAbsent(member, k -> new ArrayList<>()).addAll(entries);
			});
		}
		return all;
	}

	/** One member's year: the index with its explanation, and the quarters that have ended. */
	public record MemberScore(long memberId, int year, VanguardIndex index, List<QuarterSnapshot> endedQuarters,
			String settingsKey) {
	}

	public MemberScore score(ScoreContext ctx, long memberId, List<ScoreEntry> entries) {
		VanguardIndexCalculator calculator = new VanguardIndexCalculator(ctx.settings());
		VanguardIndex index = calculator.forYear(ctx.year(), entries);
		List<QuarterSnapshot> ended = calculator.quarterEnds(ctx.year(), entries)
			.stream()
			.filter(q -> ctx.today().isAfter(q.endsOn()))
			.toList();
		return new MemberScore(memberId, ctx.year(), index, ended, settingsKey(ctx));
	}

	/** Whether a member is on the county roll at some time of the year. */
	public boolean qualifies(long memberId, int year) {
		return jdbc.sql("SELECT count(*) FROM member m WHERE m.id = :id AND " + QUALIFIES)
			.param("id", memberId)
			.param("yearStart", LocalDate.of(year, 1, 1))
			.param("yearEnd", LocalDate.of(year, 12, 31))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Recomputes the members' rows of a year the per-member way (changes of attendance, claims, logs); members not
	 * on the roll that year lose their row.
	 */
	@Transactional
	public void recomputeMembers(long countyId, int year, Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return;
		}
		lock(countyId, year, true);
		List<Long> qualifying = jdbc.sql("SELECT m.id FROM member m WHERE m.id IN (:ids) AND m.county_id = :county AND "
				+ QUALIFIES + " ORDER BY m.id")
			.param("ids", new TreeSet<>(memberIds))
			.param("county", countyId)
			.param("yearStart", LocalDate.of(year, 1, 1))
			.param("yearEnd", LocalDate.of(year, 12, 31))
			.query(Long.class)
			.list();
		List<Long> gone = new ArrayList<>(new TreeSet<>(memberIds));
		gone.removeAll(qualifying);
		if (!gone.isEmpty()) {
			jdbc.sql("DELETE FROM vanguard_index WHERE year = :year AND member_id IN (:ids)")
				.param("year", year)
				.param("ids", gone)
				.update();
		}
		if (qualifying.isEmpty()) {
			return;
		}
		ScoreContext ctx = context(countyId, year);
		Map<Long, List<ScoreEntry>> entries = entries(ctx, qualifying);
		for (long memberId : qualifying) {
			store(ctx, score(ctx, memberId, entries.getOrDefault(memberId, List.of())));
		}
	}

	/** Writes one member's row when it differs from the stored one. */
	@Transactional
	public void store(ScoreContext ctx, MemberScore s) {
		lock(ctx.countyId(), s.year(), true);
		int cap = Math.max(0, ctx.settings().get(BONUS_CAP_PER_YEAR));
		long deductions = 0;
		long bonus = 0;
		boolean veto = false;
		for (ScoreEntry e : s.index().entries()) {
			if (e.points() < 0) {
				deductions += e.points();
			}
			else {
				bonus += e.points();
			}
			veto |= e.veto();
		}
		Integer[] quarters = new Integer[4];
		for (QuarterSnapshot q : s.endedQuarters()) {
			quarters[q.quarter() - 1] = q.index().index();
		}
		// One row per member and year: a row under another county (part of the key) would not be upserted over.
		jdbc.sql("DELETE FROM vanguard_index WHERE member_id = :member AND year = :year AND county_id <> :county")
			.param("member", s.memberId())
			.param("year", s.year())
			.param("county", ctx.countyId())
			.update();
		jdbc.sql("INSERT INTO vanguard_index (" + COLUMNS + ") VALUES (:member, :year, :county, :score, :grade, "
				+ ":warning, :deductions, :bonus, :bonusCounted, :veto, :q1, :q2, :q3, :q4, now()) " + ON_CONFLICT)
			.param("member", s.memberId())
			.param("year", s.year())
			.param("county", ctx.countyId())
			.param("score", s.index().index())
			.param("grade", s.index().grade().name())
			.param("warning", s.index().warning())
			.param("deductions", deductions)
			.param("bonus", bonus)
			.param("bonusCounted", Math.min(bonus, cap))
			.param("veto", veto)
			.param("q1", quarters[0])
			.param("q2", quarters[1])
			.param("q3", quarters[2])
			.param("q4", quarters[3])
			.update();
	}

	public record SetResult(long countyId, int year, long members, long warnings, long changedRows, long millis) {
	}

	/** The set-based SELECT of the rows that differ from the stored ones, with its parameters (public so the benchmark can EXPLAIN it). */
	public record SetStatement(String sql, Map<String, Object> params, String settingsKey) {
	}

	public SetStatement setStatement(ScoreContext ctx, String pathPrefix) {
		return VanguardSetSql.statement(ctx, pathPrefix, inputs, settingsKey(ctx));
	}

	/**
	 * The set-based full-year recompute of a county ({@code pathPrefix} null) or of the members currently in a
	 * subtree. Only rows whose numbers changed are written.
	 */
	@Transactional
	public SetResult recomputeSet(long countyId, int year, String pathPrefix) {
		long started = System.nanoTime();
		lock(countyId, year, false);
		ScoreContext ctx = context(countyId, year);
		SetStatement statement = setStatement(ctx, pathPrefix);
		PLANNER_SETTINGS.forEach(setting -> jdbc.sql("SET LOCAL " + setting).update());
		Map<String, Object> params = statement.params();
		String key = statement.settingsKey();
		// Computed into a temporary table first: PostgreSQL never runs an INSERT … SELECT in parallel, but it does
		// run the SELECT of a CREATE TABLE … AS in parallel; the insert then only writes the differing rows.
		jdbc.sql("DROP TABLE IF EXISTS vg_changed").update();
		jdbc.sql("CREATE TEMPORARY TABLE vg_changed ON COMMIT DROP AS " + statement.sql()).params(params).update();
		// Members without a row for the year (all of them on a county-year's first build) are plainly inserted, which
		// costs 40 % less than an upsert; the lock keeps any other writer of the county-year out meanwhile.
		String changedRows = "INSERT INTO vanguard_index (" + COLUMNS + ") SELECT member_id, year, county_id, score, grade, "
				+ "warning, deductions, bonus, bonus_counted, veto, q1, q2, q3, q4, now() FROM vg_changed ";
		// A stored row under another county (the county is part of its key) cannot be upserted over: it goes first.
		jdbc.sql("DELETE FROM vanguard_index v USING vg_changed c WHERE c.moved AND v.member_id = c.member_id "
				+ "AND v.year = :year AND v.county_id <> :county")
			.params(params)
			.update();
		int changed = jdbc.sql(changedRows + "WHERE fresh").update();
		changed += jdbc.sql(changedRows + "WHERE NOT fresh " + ON_CONFLICT).update();

		// Rows of members no longer on the roll that year (or no longer in the county). Every stored row has its
		// member (members are never deleted), so this reads the members and looks up only the few that fail.
		String subtree = pathPrefix == null ? ""
				: " AND m.organization_id IN (SELECT o.id FROM organization o WHERE o.path LIKE :prefix)";
		changed += jdbc.sql("DELETE FROM vanguard_index v USING member m WHERE v.member_id = m.id AND v.year = :year "
				+ "AND v.county_id = :county AND NOT coalesce(m.county_id = :county AND " + QUALIFIES + ", FALSE)" + subtree)
			.params(params)
			.update();

		long[] counts;
		if (pathPrefix == null) {
			counts = jdbc.sql("SELECT count(*), count(*) FILTER (WHERE warning) FROM vanguard_index WHERE county_id = :county "
					+ "AND year = :year")
				.param("county", countyId)
				.param("year", year)
				.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.single();
		}
		else {
			Map<String, Object> countParams = new LinkedHashMap<>(params);
			String countScope = VanguardSetSql.scopeMemberCte(pathPrefix, countParams);
			counts = jdbc.sql("WITH " + countScope + " SELECT count(*), count(*) FILTER (WHERE v.warning) "
					+ "FROM scope_member s JOIN vanguard_index v ON v.member_id = s.id AND v.year = :year")
				.params(countParams)
				.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.single();
		}
		if (pathPrefix == null) {
			jdbc.sql("""
					INSERT INTO vanguard_year (county_id, year, settings_key, members, computed_at)
					VALUES (:county, :year, :key, :members, now())
					ON CONFLICT (county_id, year) DO UPDATE SET settings_key = EXCLUDED.settings_key,
					    members = EXCLUDED.members, computed_at = EXCLUDED.computed_at""")
				.param("county", countyId)
				.param("year", year)
				.param("key", key)
				.param("members", counts[0])
				.update();
		}
		return new SetResult(countyId, year, counts[0], counts[1], changed, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Recomputes a county-year set-based when its rows may be stale: never computed as a whole, computed under other
	 * settings, computed before the last month end that could change it (missed-log months and the lecture year are
	 * judged at month ends), or a member on the roll has no row yet.
	 */
	@Transactional
	public boolean ensureFresh(long countyId, int year) {
		ScoreContext ctx = context(countyId, year);
		String key = settingsKey(ctx);
		LocalDate monthStart = ctx.today().withDayOfMonth(1);
		LocalDate nextYear = LocalDate.of(year + 1, 1, 1);
		LocalDate boundary = monthStart.isBefore(nextYear) ? monthStart : nextYear;
		Optional<Map.Entry<String, OffsetDateTime>> marker = jdbc
			.sql("SELECT settings_key, computed_at FROM vanguard_year WHERE county_id = :c AND year = :y")
			.param("c", countyId)
			.param("y", year)
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
			.optional();
		boolean stale = marker.isEmpty() || !marker.get().getKey().equals(key)
				|| marker.get().getValue().atZoneSameInstant(clock.getZone()).toLocalDate().isBefore(boundary);
		if (!stale) {
			stale = jdbc.sql("SELECT EXISTS (SELECT 1 FROM member m WHERE m.county_id = :county AND " + QUALIFIES
					+ " AND NOT EXISTS (SELECT 1 FROM vanguard_index v WHERE v.member_id = m.id AND v.year = :year))")
				.param("county", countyId)
				.param("year", year)
				.param("yearStart", ctx.yearStart())
				.param("yearEnd", ctx.yearEnd())
				.query(Boolean.class)
				.single();
		}
		if (stale) {
			recomputeSet(countyId, year, null);
		}
		return stale;
	}

	/**
	 * Set recomputes of a county-year run one at a time and exclude per-member recomputes of it, so two writers never
	 * interleave their upserts (no deadlocks, no lost rows).
	 */
	private void lock(long countyId, int year, boolean shared) {
		long key = 0x56414E4700000000L ^ (countyId << 12) ^ year;
		jdbc.sql(shared ? "SELECT pg_advisory_xact_lock_shared(:k)" : "SELECT pg_advisory_xact_lock(:k)")
			.param("k", key)
			.query((rs, i) -> 1)
			.list();
	}
}
