package cn.jiceng.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import cn.jiceng.orglife.AttendanceStatus;
import cn.jiceng.orglife.MeetingType;
import cn.jiceng.orglife.OrgLifeFacts;

import org.springframework.stereotype.Component;

/**
 * Attendance entries from organizational life: the effective status of every branch member at every meeting
 * (absent and remote already resolved by orglife). One member's entries come through {@link OrgLifeFacts}; the
 * set-based recompute reads orglife's {@code meeting} and {@code meeting_attendance} tables directly in SQL (a
 * documented read model, the only way to aggregate a county in one statement). Changes arrive as orglife's events.
 */
@Component
class AttendanceInput implements ScoreInput {

	private final OrgLifeFacts facts;

	AttendanceInput(OrgLifeFacts facts) {
		this.facts = facts;
	}

	@Override
	public String source() {
		return EntrySource.ATTENDANCE;
	}

	@Override
	public Map<Long, List<ScoreEntry>> entries(ScoreContext ctx, Collection<Long> memberIds) {
		Map<Long, List<ScoreEntry>> result = new HashMap<>();
		AttendanceScoring scoring = new AttendanceScoring(ctx.settings());
		for (long memberId : memberIds) {
			for (OrgLifeFacts.AttendanceFact f : facts.attendanceOf(memberId, ctx.year())) {
				scoring.entryFor(f.heldOn(), f.type(), f.status())
					.ifPresent(e -> result.computeIfAbsent(memberId, k -> new ArrayList<>()).add(e));
			}
		}
		return result;
	}

	@Override
	public SqlRows sqlRows(ScoreContext ctx, SqlScope scope) {
		AttendanceScoring scoring = new AttendanceScoring(ctx.settings());
		List<String> types = scoredTypes(scoring);
		if (types.isEmpty()) {
			return SqlRows.none();
		}
		// The points are the settings' integers written into the statement, so the CASE is evaluated per row without
		// parameter casts; the same AttendanceScoring gives the per-member entries. Only statuses that cost or earn
		// something are read, so the usual PRESENT rows never reach the aggregate.
		StringBuilder points = new StringBuilder("CASE mt.type");
		Set<String> statuses = new TreeSet<>();
		for (String type : types) {
			points.append(" WHEN '").append(type).append("' THEN CASE a.status");
			for (AttendanceStatus status : AttendanceStatus.values()) {
				int p = scoring.points(MeetingType.valueOf(type), status);
				if (p != 0) {
					points.append(" WHEN '").append(status.name()).append("' THEN ").append(p);
					statuses.add(status.name());
				}
			}
			points.append(" ELSE 0 END");
		}
		points.append(" ELSE 0 END");
		String sql = """
				SELECT a.member_id, mt.held_on AS on_date, %s AS points, FALSE AS veto
				FROM meeting mt
				JOIN meeting_attendance a ON a.meeting_id = mt.id
				WHERE mt.county_id = :county AND mt.held_on BETWEEN CAST(:yearStart AS date) AND CAST(:yearEnd AS date)
				  AND mt.type IN (%s) AND a.status IN (%s) AND %s""".formatted(points, quoted(types), quoted(statuses),
				scope.members("a.member_id"));
		return new SqlRows(sql, Map.of());
	}

	@Override
	public String settingsKey(ScoreContext ctx) {
		return "";
	}

	private static String quoted(Collection<String> codes) {
		StringJoiner list = new StringJoiner(", ");
		codes.forEach(c -> list.add("'" + c + "'"));
		return list.toString();
	}

	/** Meeting types for which some status costs or earns points under these settings. */
	private static List<String> scoredTypes(AttendanceScoring scoring) {
		List<String> types = new ArrayList<>();
		for (MeetingType type : MeetingType.values()) {
			for (AttendanceStatus status : AttendanceStatus.values()) {
				if (scoring.points(type, status) != 0) {
					types.add(type.name());
					break;
				}
			}
		}
		return types;
	}
}
