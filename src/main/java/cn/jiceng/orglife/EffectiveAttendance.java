package cn.jiceng.orglife;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns listed statuses into the stored effective attendance of SPEC.md §4.2 ({@link AttendanceResolution}) and
 * keeps it right when a remote report arrives after the meeting was recorded. Stored rows are what every
 * aggregate reads, so this is the one place that writes them.
 */
@Component
class EffectiveAttendance {

	/**
	 * Types every member of the branch attends, so that an unlisted member counts ABSENT. A committee meeting
	 * (支委会) is for the branch committee and a group meeting for one group; the roster does not say who sits
	 * on either, so only the members listed there have attendance.
	 */
	static final Set<MeetingType> WHOLE_BRANCH = EnumSet.of(MeetingType.THEMED_DAY, MeetingType.BRANCH_ASSEMBLY,
			MeetingType.PARTY_LECTURE, MeetingType.LIFE_MEETING, MeetingType.DEMOCRATIC_APPRAISAL);

	private final JdbcClient jdbc;
	private final AttendanceResolution resolution = new AttendanceResolution();

	EffectiveAttendance(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(long memberId, AttendanceStatus listed, AttendanceStatus status, String reason) {
	}

	/**
	 * Effective rows for a meeting: {@code universe} are the branch members on the date who have a row (every
	 * one for the whole-branch types), {@code listed} what the secretary entered.
	 */
	List<Row> resolve(MeetingType type, LocalDate heldOn, GeneralMeeting generalMeeting, Collection<Long> universe,
			Map<Long, AttendanceStatus> listed) {
		AttendanceResolution.Meeting meeting = new AttendanceResolution.Meeting(type, heldOn, generalMeeting);
		Set<Long> mobile = mobileOn(universe, heldOn);
		Set<Long> reported = reportedIn(universe, YearMonth.from(heldOn));
		List<Row> rows = new ArrayList<>(universe.size());
		for (Long memberId : universe) {
			AttendanceStatus l = listed.get(memberId);
			AttendanceResolution.Resolved r = resolution.resolve(meeting, Optional.ofNullable(l),
					mobile.contains(memberId), reported.contains(memberId));
			rows.add(new Row(memberId, l, r.status(), r.reason()));
		}
		return rows;
	}

	void insert(long meetingId, long countyId, List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<Object[]> batch = new ArrayList<>(rows.size());
		for (Row r : rows) {
			batch.add(new Object[] { meetingId, r.memberId(), countyId, r.listed() == null ? null : r.listed().name(),
					r.status().name() });
		}
		StringBuilder sql = new StringBuilder(
				"INSERT INTO meeting_attendance (meeting_id, member_id, county_id, listed_status, status) VALUES ");
		List<Object> params = new ArrayList<>(batch.size() * 5);
		for (int i = 0; i < batch.size(); i++) {
			sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
			for (Object o : batch.get(i)) {
				params.add(o);
			}
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

	void replace(long meetingId, long countyId, List<Row> rows) {
		jdbc.sql("DELETE FROM meeting_attendance WHERE meeting_id = :m").param("m", meetingId).update();
		insert(meetingId, countyId, rows);
	}

	/**
	 * A remote report for {@code month} was filed: the member's rows at that month's meetings are resolved again,
	 * so an unlisted (or listed-absent) mobile member becomes REMOTE except at the general meetings. Returns the
	 * ids of the meetings whose stored attendance changed.
	 */
	List<Long> refreshMember(long memberId, YearMonth month) {
		record Stored(long meetingId, MeetingType type, LocalDate heldOn, GeneralMeeting gm, AttendanceStatus listed,
				AttendanceStatus status) {
		}
		List<Stored> stored = jdbc.sql("""
				SELECT a.meeting_id, mt.type, mt.held_on, mt.general_meeting, a.listed_status, a.status
				FROM meeting_attendance a JOIN meeting mt ON mt.id = a.meeting_id
				WHERE a.member_id = :m AND mt.held_on BETWEEN :from AND :to""")
			.param("m", memberId)
			.param("from", month.atDay(1))
			.param("to", month.atEndOfMonth())
			.query((rs, i) -> new Stored(rs.getLong(1), MeetingType.valueOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class),
					rs.getString(4) == null ? null : GeneralMeeting.valueOf(rs.getString(4)),
					rs.getString(5) == null ? null : AttendanceStatus.valueOf(rs.getString(5)),
					AttendanceStatus.valueOf(rs.getString(6))))
			.list();
		boolean reported = !reportedIn(List.of(memberId), month).isEmpty();
		List<Long> changed = new ArrayList<>();
		for (Stored s : stored) {
			boolean mobile = !mobileOn(List.of(memberId), s.heldOn()).isEmpty();
			AttendanceStatus status = resolution.resolve(new AttendanceResolution.Meeting(s.type(), s.heldOn(), s.gm()),
					Optional.ofNullable(s.listed()), mobile, reported).status();
			if (status != s.status()) {
				jdbc.sql("UPDATE meeting_attendance SET status = :s WHERE meeting_id = :mt AND member_id = :m")
					.param("s", status.name())
					.param("mt", s.meetingId())
					.param("m", memberId)
					.update();
				changed.add(s.meetingId());
			}
		}
		return changed;
	}

	Set<Long> mobileOn(Collection<Long> memberIds, LocalDate day) {
		if (memberIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				SELECT DISTINCT member_id FROM member_mobility
				WHERE member_id IN (:ids) AND started_on <= :d AND (ended_on IS NULL OR ended_on >= :d)""")
			.param("ids", memberIds)
			.param("d", day)
			.query(Long.class)
			.list());
	}

	/** Mobile on at least one day of the month (who may file a remote report). */
	boolean mobileIn(long memberId, YearMonth month) {
		return jdbc.sql("""
				SELECT count(*) FROM member_mobility
				WHERE member_id = :id AND started_on <= :end AND (ended_on IS NULL OR ended_on >= :start)""")
			.param("id", memberId)
			.param("start", month.atDay(1))
			.param("end", month.atEndOfMonth())
			.query(Long.class)
			.single() > 0;
	}

	Set<Long> reportedIn(Collection<Long> memberIds, YearMonth month) {
		if (memberIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT member_id FROM remote_report WHERE member_id IN (:ids) AND month = :mo")
			.param("ids", memberIds)
			.param("mo", month.atDay(1))
			.query(Long.class)
			.list());
	}

	/** Stored attendance of a meeting: member id → (listed, effective). */
	Map<Long, Row> stored(long meetingId) {
		Map<Long, Row> rows = new LinkedHashMap<>();
		jdbc.sql("SELECT member_id, listed_status, status FROM meeting_attendance WHERE meeting_id = :m ORDER BY member_id")
			.param("m", meetingId)
			.query((rs, i) -> new Row(rs.getLong(1),
					rs.getString(2) == null ? null : AttendanceStatus.valueOf(rs.getString(2)),
					AttendanceStatus.valueOf(rs.getString(3)), null))
			.list()
			.forEach(r -> rows.put(r.memberId(), r));
		return rows;
	}

	static Map<Long, AttendanceStatus> listedOf(Map<Long, Row> stored) {
		Map<Long, AttendanceStatus> listed = new HashMap<>();
		stored.values().forEach(r -> {
			if (r.listed() != null) {
				listed.put(r.memberId(), r.listed());
			}
		});
		return listed;
	}
}
