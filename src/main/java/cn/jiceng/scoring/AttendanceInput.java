package cn.jiceng.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

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
	public SqlRows sqlRows(ScoreContext ctx) {
		AttendanceScoring scoring = new AttendanceScoring(ctx.settings());
		List<String> types = scoredTypes(scoring);
		if (types.isEmpty()) {
			return SqlRows.none();
		}
		// The points are the settings' integers written into the statement, so the one CASE is evaluated per row
		// without parameter casts; the same AttendanceScoring gives the per-member entries.
		StringBuilder points = new StringBuilder("CASE mt.type");
		for (String type : types) {
			points.append(" WHEN '").append(type).append("' THEN CASE a.status");
			for (AttendanceStatus status : AttendanceStatus.values()) {
				int p = scoring.points(MeetingType.valueOf(type), status);
				if (p != 0) {
					points.append(" WHEN '").append(status.name()).append("' THEN ").append(p);
				}
			}
			points.append(" ELSE 0 END");
		}
		points.append(" ELSE 0 END");
		StringJoiner typeList = new StringJoiner(", ");
		types.forEach(t -> typeList.add("'" + t + "'"));
		String sql = """
				SELECT a.member_id, mt.held_on AS on_date, %1$s AS points, FALSE AS veto
				FROM meeting mt
				JOIN meeting_attendance a ON a.meeting_id = mt.id
				JOIN scope_member s ON s.id = a.member_id
				WHERE mt.county_id = :county AND mt.held_on BETWEEN CAST(:yearStart AS date) AND CAST(:yearEnd AS date)
				  AND mt.type IN (%2$s) AND (%1$s) <> 0""".formatted(points, typeList);
		return new SqlRows(sql, Map.of());
	}

	@Override
	public String settingsKey(ScoreContext ctx) {
		return "";
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
