package cn.jiceng.scoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 日志日销: every ended month in which a cadre was on duty (any day of it) without a single daily log is a missed
 * month, scored with the catalogue item {@link InputItems#CADRE_LOG_MISSED} and its yearly cap.
 */
@Component
class CadreLogInput implements ScoreInput {

	private final JdbcClient jdbc;

	CadreLogInput(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String source() {
		return EntrySource.CADRE_LOG;
	}

	@Override
	public String settingsKey(ScoreContext ctx) {
		return InputItems.key(ctx, InputItems.CADRE_LOG_MISSED);
	}

	private record Duty(long memberId, LocalDate from, LocalDate to) {
	}

	@Override
	public Map<Long, List<ScoreEntry>> entries(ScoreContext ctx, Collection<Long> memberIds) {
		Map<Long, List<ScoreEntry>> result = new HashMap<>();
		Optional<PointItem> item = ctx.item(InputItems.CADRE_LOG_MISSED);
		if (memberIds.isEmpty() || item.isEmpty()) {
			return result;
		}
		Map<Long, Set<YearMonth>> duty = new HashMap<>();
		jdbc.sql("""
				SELECT member_id, greatest(started_on, :from), least(coalesce(ended_on, :to), :to) FROM cadre_duty
				WHERE member_id IN (:ids) AND started_on <= :to AND (ended_on IS NULL OR ended_on >= :from)""")
			.param("ids", memberIds)
			.param("from", ctx.yearStart())
			.param("to", ctx.yearEnd())
			.query((rs, i) -> new Duty(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
			.list()
			.forEach(d -> {
				Set<YearMonth> months = duty.computeIfAbsent(d.memberId(), k -> new TreeSet<>());
				for (YearMonth m = YearMonth.from(d.from()); !m.isAfter(YearMonth.from(d.to())); m = m.plusMonths(1)) {
					months.add(m);
				}
			});
		if (duty.isEmpty()) {
			return result;
		}
		Map<Long, Set<YearMonth>> logged = new HashMap<>();
		jdbc.sql("""
				SELECT DISTINCT member_id, CAST(date_trunc('month', logged_on) AS date) FROM cadre_log
				WHERE member_id IN (:ids) AND logged_on BETWEEN :from AND :to""")
			.param("ids", duty.keySet())
			.param("from", ctx.yearStart())
			.param("to", ctx.yearEnd())
			.query((rs, i) -> Map.entry(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class))))
			.list()
			.forEach(e -> logged.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
		InputRules rules = new InputRules(ctx.settings());
		duty.forEach((memberId, months) -> {
			List<ScoreEntry> entries = rules.missedCadreLogs(months, logged.getOrDefault(memberId, Set.of()), ctx.today(),
					item.get());
			if (!entries.isEmpty()) {
				result.put(memberId, entries);
			}
		});
		return result;
	}

	@Override
	public SqlRows sqlRows(ScoreContext ctx, SqlScope scope) {
		Optional<PointItem> found = ctx.item(InputItems.CADRE_LOG_MISSED);
		if (found.isEmpty()) {
			return SqlRows.none();
		}
		PointItem item = found.get();
		int magnitude = Math.abs(item.points());
		int sign = item.points() < 0 ? -1 : 1;
		// The yearly cap as InputRules applies it: the n-th missed month of the year gets what is left of the cap.
		String points = item.yearlyCap() == null ? Integer.toString(item.points())
				: sign + " * least(" + magnitude + ", greatest(0, " + item.yearlyCap() + " - (x.rn - 1) * " + magnitude + "))";
		String sql = """
				SELECT x.member_id, x.month_end AS on_date, %s AS points, %s AS veto
				FROM (
				    SELECT dm.member_id, CAST(dm.month + interval '1 month' - interval '1 day' AS date) AS month_end,
				           row_number() OVER (PARTITION BY dm.member_id ORDER BY dm.month) AS rn
				    FROM (
				        SELECT DISTINCT d.member_id, CAST(gs AS date) AS month
				        FROM cadre_duty d
				        CROSS JOIN LATERAL generate_series(
				            date_trunc('month', greatest(d.started_on, CAST(:yearStart AS date))),
				            date_trunc('month', least(coalesce(d.ended_on, CAST(:yearEnd AS date)), CAST(:yearEnd AS date))),
				            interval '1 month') AS gs
				        WHERE d.county_id = :county AND d.started_on <= CAST(:yearEnd AS date)
				          AND (d.ended_on IS NULL OR d.ended_on >= CAST(:yearStart AS date)) AND %s
				    ) dm
				    WHERE CAST(dm.month + interval '1 month' - interval '1 day' AS date) < CAST(:today AS date)
				      AND NOT EXISTS (SELECT 1 FROM cadre_log l WHERE l.member_id = dm.member_id
				          AND l.logged_on >= dm.month AND l.logged_on < dm.month + interval '1 month')
				) x""".formatted(points, item.veto() ? "TRUE" : "FALSE", scope.members("d.member_id"));
		return new SqlRows(sql, Map.of());
	}
}
