package cn.jiceng.orglife;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings one member's stored attendance back in line with the roster after a change the meeting records did not
 * see: a transfer or status change entered with an earlier date, or a mobility period added afterwards. Rows
 * appear (ABSENT/REMOTE) at whole-branch meetings of the branch the member was in on the date, disappear where
 * they were not in it, and every row is resolved again with its listed status kept. No scope check: callers
 * are the roster's event listeners, jobs and the demo loader.
 */
@Service
class AttendanceReconciliation {

	private final JdbcClient jdbc;
	private final Memberships memberships;
	private final EffectiveAttendance attendance;
	private final ApplicationEventPublisher events;
	private final AttendanceResolution resolution = new AttendanceResolution();

	AttendanceReconciliation(JdbcClient jdbc, Memberships memberships, EffectiveAttendance attendance,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.memberships = memberships;
		this.attendance = attendance;
		this.events = events;
	}

	/** Returns the ids of the meetings whose row for the member was added, removed or changed. */
	@Transactional
	public List<Long> reconcileMember(long memberId) {
		Optional<Memberships.Membership> found = memberships.of(memberId);
		if (found.isEmpty()) {
			return List.of();
		}
		Memberships.Membership member = found.get();
		record Candidate(long id, long countyId, long branchId, MeetingType type, LocalDate heldOn, GeneralMeeting gm) {
		}
		Map<Long, Candidate> candidates = new LinkedHashMap<>();
		List<Long> branches = member.periods()
			.map(p -> p.stays().stream().map(MembershipPeriods.Stay::branchId).distinct().toList())
			.orElse(List.of());
		String select = "SELECT mt.id, mt.county_id, mt.organization_id, mt.type, mt.held_on, mt.general_meeting FROM meeting mt ";
		List<Candidate> rows = new ArrayList<>(jdbc.sql(select + "JOIN meeting_attendance a ON a.meeting_id = mt.id WHERE a.member_id = :m")
			.param("m", memberId)
			.query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					MeetingType.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), MeetingReads.gm(rs.getString(6))))
			.list());
		if (!branches.isEmpty()) {
			rows.addAll(jdbc.sql(select + "WHERE mt.organization_id IN (:b) AND mt.type IN (:types)")
				.param("b", branches)
				.param("types", EffectiveAttendance.WHOLE_BRANCH.stream().map(Enum::name).toList())
				.query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3),
						MeetingType.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
						MeetingReads.gm(rs.getString(6))))
				.list());
		}
		rows.forEach(c -> candidates.putIfAbsent(c.id(), c));
		Map<Long, EffectiveAttendance.Row> stored = new HashMap<>();
		jdbc.sql("SELECT meeting_id, listed_status, status FROM meeting_attendance WHERE member_id = :m")
			.param("m", memberId)
			.query((rs, i) -> stored.put(rs.getLong(1), new EffectiveAttendance.Row(memberId,
					rs.getString(2) == null ? null : AttendanceStatus.valueOf(rs.getString(2)),
					AttendanceStatus.valueOf(rs.getString(3)), null)))
			.list();
		List<Long> changed = new ArrayList<>();
		for (Candidate c : candidates.values()) {
			EffectiveAttendance.Row old = stored.get(c.id());
			boolean inBranch = member.inBranchOn(c.branchId(), c.heldOn());
			boolean shouldHaveRow = inBranch && (EffectiveAttendance.WHOLE_BRANCH.contains(c.type())
					|| (old != null && old.listed() != null));
			if (!shouldHaveRow) {
				if (old != null) {
					jdbc.sql("DELETE FROM meeting_attendance WHERE meeting_id = :mt AND member_id = :m")
						.param("mt", c.id())
						.param("m", memberId)
						.update();
					changed.add(c.id());
					publish(c.id(), c.countyId(), c.branchId(), c.type(), c.heldOn(), memberId);
				}
				continue;
			}
			AttendanceStatus listed = old == null ? null : old.listed();
			boolean mobile = !attendance.mobileOn(List.of(memberId), c.heldOn()).isEmpty();
			boolean reported = !attendance.reportedIn(List.of(memberId), YearMonth.from(c.heldOn())).isEmpty();
			AttendanceStatus status = resolution.resolve(new AttendanceResolution.Meeting(c.type(), c.heldOn(), c.gm()),
					Optional.ofNullable(listed), mobile, reported).status();
			if (old == null) {
				attendance.insert(c.id(), c.countyId(), List.of(new EffectiveAttendance.Row(memberId, null, status, null)));
			}
			else if (old.status() != status) {
				jdbc.sql("UPDATE meeting_attendance SET status = :s WHERE meeting_id = :mt AND member_id = :m")
					.param("s", status.name())
					.param("mt", c.id())
					.param("m", memberId)
					.update();
			}
			else {
				continue;
			}
			changed.add(c.id());
			publish(c.id(), c.countyId(), c.branchId(), c.type(), c.heldOn(), memberId);
		}
		return changed;
	}

	private void publish(long meetingId, long countyId, long branchId, MeetingType type, LocalDate heldOn, long memberId) {
		events.publishEvent(new AttendanceCorrected(meetingId, countyId, branchId, type, heldOn, List.of(memberId)));
	}
}
