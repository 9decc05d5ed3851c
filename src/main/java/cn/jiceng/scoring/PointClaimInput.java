package cn.jiceng.scoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Approved point claims, with the points and veto flag the claim was filed and approved with. */
@Component
class PointClaimInput implements ScoreInput {

	private final JdbcClient jdbc;

	PointClaimInput(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String source() {
		return EntrySource.POINT_CLAIM;
	}

	@Override
	public Map<Long, List<ScoreEntry>> entries(ScoreContext ctx, Collection<Long> memberIds) {
		Map<Long, List<ScoreEntry>> result = new HashMap<>();
		if (memberIds.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				SELECT member_id, month, item_code, item_name, points, veto, filed_by_account
				FROM point_claim
				WHERE member_id IN (:ids) AND status = 'APPROVED' AND month BETWEEN :from AND :to
				ORDER BY month, id""")
			.param("ids", memberIds)
			.param("from", ctx.yearStart())
			.param("to", ctx.yearEnd())
			.query((rs, i) -> {
				long memberId = rs.getLong(1);
				YearMonth month = YearMonth.from(rs.getObject(2, LocalDate.class));
				PointItem item = new PointItem(rs.getString(3), rs.getString(4), rs.getInt(5), null, rs.getBoolean(6));
				PointClaim claim = new PointClaim(memberId, month, item.code(), rs.getLong(7), ClaimStatus.APPROVED);
				return Map.entry(memberId, ClaimScoring.entryFor(claim, item).orElseThrow());
			})
			.list()
			.forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return result;
	}

	@Override
	public SqlRows sqlRows(ScoreContext ctx, SqlScope scope) {
		return new SqlRows("""
				SELECT c.member_id, CAST(c.month + interval '1 month' - interval '1 day' AS date) AS on_date, c.points,
				       c.veto
				FROM point_claim c
				WHERE c.county_id = :county AND c.status = 'APPROVED'
				  AND c.month BETWEEN CAST(:yearStart AS date) AND CAST(:yearEnd AS date) AND\s""" + scope.members("c.member_id"),
				Map.of());
	}
}
