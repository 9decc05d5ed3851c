package cn.jiceng.scoring;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.jiceng.organization.OfficeService;
import cn.jiceng.orglife.AttendanceCorrected;
import cn.jiceng.orglife.MeetingDeleted;
import cn.jiceng.orglife.MeetingHostChanged;
import cn.jiceng.orglife.MeetingRecorded;
import cn.jiceng.orglife.RemoteReportFiled;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes the indexes an organizational-life change touches, after orglife's transaction committed (the event
 * publication registry replays a listener that failed). Attendance moves the attendees' indexes; a lecture also
 * moves its host's (the village secretary's lecture count).
 */
@Component
class OrgLifeListener {

	private final JdbcClient jdbc;
	private final VanguardEngine engine;
	private final OfficeService offices;

	OrgLifeListener(JdbcClient jdbc, VanguardEngine engine, OfficeService offices) {
		this.jdbc = jdbc;
		this.offices = offices;
		this.engine = engine;
	}

	@ApplicationModuleListener
	void on(MeetingRecorded e) {
		recompute(e.countyId(), e.heldOn(), attendeesAndHost(e.meetingId(), List.of()));
	}

	@ApplicationModuleListener
	void on(AttendanceCorrected e) {
		recompute(e.countyId(), e.heldOn(), attendeesAndHost(e.meetingId(), e.memberIds()));
	}

	@ApplicationModuleListener
	void on(MeetingHostChanged e) {
		Set<Long> hosts = new LinkedHashSet<>();
		if (e.previousHostId() != null) {
			hosts.add(e.previousHostId());
		}
		if (e.hostId() != null) {
			hosts.add(e.hostId());
		}
		recompute(e.countyId(), e.heldOn(), hosts);
	}

	@ApplicationModuleListener
	void on(MeetingDeleted e) {
		// The meeting is gone, so its host is unknown: the branch's village secretaries stand in for a lecture host.
		Set<Long> members = new LinkedHashSet<>(e.memberIds());
		members.addAll(offices.secretaryMembersEver(e.branchId()));
		recompute(e.countyId(), e.heldOn(), members);
	}

	@ApplicationModuleListener
	void on(RemoteReportFiled e) {
		engine.recomputeMembers(e.countyId(), e.month().getYear(), List.of(e.memberId()));
	}

	private Set<Long> attendeesAndHost(long meetingId, List<Long> given) {
		Set<Long> members = new LinkedHashSet<>(given);
		members.addAll(jdbc.sql("SELECT member_id FROM meeting_attendance WHERE meeting_id = :id")
			.param("id", meetingId)
			.query(Long.class)
			.list());
		members.addAll(jdbc.sql("SELECT host_member_id FROM meeting WHERE id = :id AND host_member_id IS NOT NULL")
			.param("id", meetingId)
			.query(Long.class)
			.list());
		return members;
	}

	private void recompute(long countyId, LocalDate heldOn, Set<Long> members) {
		if (heldOn.getYear() <= engine.today().getYear()) {
			engine.recomputeMembers(countyId, heldOn.getYear(), members);
		}
	}
}
