package cn.jiceng.orglife;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules (the vanguard index) read about organizational life, without scope checks: the caller has
 * checked scope or is a job. Statuses are the stored effective ones (REMOTE already applied).
 */
@Component
public class OrgLifeFacts {

	private final JdbcClient jdbc;

	OrgLifeFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One member's effective attendance at one meeting. */
	public record AttendanceFact(long memberId, long meetingId, long branchId, LocalDate heldOn, MeetingType type,
			GeneralMeeting generalMeeting, AttendanceStatus status) {
	}

	private static final String SELECT = """
			SELECT a.member_id, mt.id, mt.organization_id, mt.held_on, mt.type, mt.general_meeting, a.status
			FROM meeting_attendance a JOIN meeting mt ON mt.id = a.meeting_id
			""";

	/** A member's attendance in a year, in date order (every branch they were in). */
	@Transactional(readOnly = true)
	public List<AttendanceFact> attendanceOf(long memberId, int year) {
		return jdbc.sql(SELECT + " WHERE a.member_id = :m AND mt.held_on BETWEEN :from AND :to ORDER BY mt.held_on, mt.id")
			.param("m", memberId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query(OrgLifeFacts::map)
			.list();
	}

	private static AttendanceFact map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		String gm = rs.getString(6);
		return new AttendanceFact(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
				MeetingType.valueOf(rs.getString(5)), gm == null ? null : GeneralMeeting.valueOf(gm),
				AttendanceStatus.valueOf(rs.getString(7)));
	}
}
