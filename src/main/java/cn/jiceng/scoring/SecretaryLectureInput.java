package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.SECRETARY_MIN_LECTURES_PER_YEAR;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiceng.organization.Field;
import cn.jiceng.organization.Office;
import cn.jiceng.organization.OrgKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 村支部书记每年至少上2次党课: the secretary of a village (RURAL) branch in office on 12-31 answers for the year;
 * lectures given are the year's {@code PARTY_LECTURE} meetings they hosted (in any branch, so cross lectures
 * count). Judged once the year has ended, with the catalogue item {@link InputItems#SECRETARY_LECTURE_SHORT}.
 */
@Component
class SecretaryLectureInput implements ScoreInput {

	/** The secretaries on 12-31 of village branches, from the leadership offices. */
	private static final String SECRETARIES = "SELECT DISTINCT v.member_id FROM org_office v"
			+ " JOIN organization o ON o.id = v.organization_id AND o.kind = '" + OrgKind.BRANCH.name() + "'"
			+ " AND o.field = '" + Field.RURAL.name() + "'"
			+ " WHERE v.office = '" + Office.SECRETARY.name() + "' AND v.started_on <= CAST(:yearEnd AS date)"
			+ " AND (v.ended_on IS NULL OR v.ended_on >= CAST(:yearEnd AS date))";

	private final JdbcClient jdbc;

	SecretaryLectureInput(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String source() {
		return EntrySource.SECRETARY_LECTURE;
	}

	@Override
	public String settingsKey(ScoreContext ctx) {
		return InputItems.key(ctx, InputItems.SECRETARY_LECTURE_SHORT);
	}

	@Override
	public Map<Long, List<ScoreEntry>> entries(ScoreContext ctx, Collection<Long> memberIds) {
		Map<Long, List<ScoreEntry>> result = new HashMap<>();
		Optional<PointItem> item = ctx.item(InputItems.SECRETARY_LECTURE_SHORT);
		if (memberIds.isEmpty() || item.isEmpty() || !ctx.today().isAfter(ctx.yearEnd())) {
			return result;
		}
		InputRules rules = new InputRules(ctx.settings());
		jdbc.sql("SELECT s.member_id, (SELECT count(*) FROM meeting mt WHERE mt.type = 'PARTY_LECTURE' "
				+ "AND mt.host_member_id = s.member_id AND mt.held_on BETWEEN :yearStart AND :yearEnd) "
				+ "FROM (" + SECRETARIES + " AND v.member_id IN (:ids)) s")
			.param("ids", memberIds)
			.param("yearStart", ctx.yearStart())
			.param("yearEnd", ctx.yearEnd())
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2)))
			.list()
			.forEach(e -> rules.secretaryLectureShortfall(ctx.year(), e.getValue(), ctx.today(), item.get())
				.ifPresent(entry -> result.put(e.getKey(), List.of(entry))));
		return result;
	}

	@Override
	public SqlRows sqlRows(ScoreContext ctx, SqlScope scope) {
		Optional<PointItem> item = ctx.item(InputItems.SECRETARY_LECTURE_SHORT);
		if (item.isEmpty() || !ctx.today().isAfter(ctx.yearEnd())) {
			return SqlRows.none();
		}
		// Lectures counted by a join rather than a correlated subquery: a subquery per row would keep the whole union
		// of inputs out of PostgreSQL's parallel plans.
		String sql = """
				SELECT sec.member_id, CAST(:yearEnd AS date) AS on_date, %d AS points, %s AS veto
				FROM (%s AND v.county_id = :county) sec
				LEFT JOIN (SELECT mt.host_member_id, count(*) AS n FROM meeting mt
				           WHERE mt.type = 'PARTY_LECTURE' AND mt.host_member_id IS NOT NULL
				             AND mt.held_on BETWEEN CAST(:yearStart AS date) AND CAST(:yearEnd AS date)
				           GROUP BY mt.host_member_id) lec ON lec.host_member_id = sec.member_id
				WHERE %s AND coalesce(lec.n, 0) < %d"""
			.formatted(item.get().points(), item.get().veto() ? "TRUE" : "FALSE", SECRETARIES,
					scope.members("sec.member_id"), ctx.settings().get(SECRETARY_MIN_LECTURES_PER_YEAR));
		return new SqlRows(sql, Map.of());
	}
}
