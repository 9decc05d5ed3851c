package cn.jiceng.orglife;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.ReadCache;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.orglife.MeetingViews.AttendanceCounts;
import cn.jiceng.orglife.MeetingViews.AttendanceView;
import cn.jiceng.orglife.MeetingViews.FileView;
import cn.jiceng.orglife.MeetingViews.MeetingSummary;
import cn.jiceng.orglife.MeetingViews.MeetingView;
import cn.jiceng.orglife.MeetingViews.RosterEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading meeting records: one meeting with its attendance and files, a subtree's meetings page by page, the
 * branch's roster on a date, and the stored row the writers ({@link MeetingService}) and the evidence and remote
 * reports check before a change.
 */
@Service
class MeetingReads {

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final OrganizationService organizations;
	private final Memberships memberships;
	private final EffectiveAttendance attendance;
	/** Pages of a subtree's meetings, kept while the database is unchanged. */
	private final ReadCache.Region<PageKey, PageResult<MeetingSummary>> pages;

	private record PageKey(long organizationId, LocalDate from, LocalDate to, MeetingType type, PageRequest page) {
	}

	MeetingReads(JdbcClient jdbc, DataScope scope, OrganizationService organizations, Memberships memberships,
			EffectiveAttendance attendance, ReadCache readCache) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.organizations = organizations;
		this.memberships = memberships;
		this.attendance = attendance;
		this.pages = readCache.region(500);
	}

	@Transactional(readOnly = true)
	public MeetingView get(long meetingId) {
		Stored m = load(meetingId);
		scope.requireOrganization(m.branchId());
		return view(meetingId);
	}

	/** "name（username）" for the accounts that recorded or changed records; the username alone when unbound. */
	@Transactional(readOnly = true)
	public Map<String, String> accountNames(java.util.Collection<String> usernames) {
		Map<String, String> names = new LinkedHashMap<>();
		usernames.stream().filter(Objects::nonNull).forEach(u -> names.put(u, u));
		if (names.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT a.username, m.name FROM account a JOIN member m ON m.id = a.member_id "
				+ "WHERE a.username IN (:u) AND a.county_id = :c")
			.param("u", List.copyOf(names.keySet()))
			.param("c", scope.current().caller().countyId())
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> names.put(e.getKey(), e.getValue() + "（" + e.getKey() + "）"));
		return names;
	}

	/** Meetings of the subtree, newest first; {@code from}/{@code to} inclusive, each optional. */
	@Transactional(readOnly = true)
	public PageResult<MeetingSummary> list(long organizationId, LocalDate from, LocalDate to, MeetingType type,
			PageRequest page) {
		scope.requireOrganization(organizationId);
		return pages.get(new PageKey(organizationId, from, to, type, page), () -> page(organizationId, from, to, type, page));
	}

	private PageResult<MeetingSummary> page(long organizationId, LocalDate from, LocalDate to, MeetingType type,
			PageRequest page) {
		String where = """
				FROM meeting mt JOIN organization o ON o.id = mt.organization_id
				WHERE o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'
				  AND (CAST(:from AS date) IS NULL OR mt.held_on >= :from)
				  AND (CAST(:to AS date) IS NULL OR mt.held_on <= :to)
				  AND (CAST(:type AS varchar) IS NULL OR mt.type = :type)""";
		Map<String, Object> params = new HashMap<>();
		params.put("root", organizationId);
		params.put("from", from);
		params.put("to", to);
		params.put("type", type == null ? null : type.name());
		long total = jdbc.sql("SELECT count(*) " + where).params(params).query(Long.class).single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<MeetingSummary> items = jdbc.sql("""
				SELECT mt.id, mt.organization_id, o.name, mt.group_id, mt.type, mt.held_on, mt.theme, mt.first_topic,
				       mt.general_meeting, mt.backfilled, mt.recorded_by, mt.recorded_at,
				       (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.status = 'PRESENT') AS present,
				       (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.status = 'LATE_OR_EARLY') AS late,
				       (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.status = 'LEAVE') AS leave,
				       (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.status = 'ABSENT') AS absent,
				       (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.status = 'REMOTE') AS remote,
				       (SELECT count(*) FROM meeting_file f WHERE f.meeting_id = mt.id) AS files
				""" + where + " ORDER BY mt.held_on DESC, mt.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, i) -> new MeetingSummary(rs.getString("id"), rs.getString("organization_id"),
					rs.getString("name"), rs.getString("group_id"), MeetingType.valueOf(rs.getString("type")),
					rs.getObject("held_on", LocalDate.class), rs.getString("theme"), rs.getString("first_topic"),
					gm(rs.getString("general_meeting")), rs.getBoolean("backfilled"), rs.getString("recorded_by"),
					rs.getObject("recorded_at", OffsetDateTime.class),
					new AttendanceCounts(rs.getInt("present"), rs.getInt("late"), rs.getInt("leave"),
							rs.getInt("absent"), rs.getInt("remote")),
					rs.getInt("files")))
			.list();
		return new PageResult<>(List.copyOf(items), total, page.page(), page.size());
	}

	/** Members of the branch on a date, with what the one-tap attendance list needs to know about them. */
	@Transactional(readOnly = true)
	public List<RosterEntry> rosterOn(long branchId, LocalDate date) {
		scope.requireOrganization(branchId);
		requireBranch(branchId);
		List<Memberships.Membership> on = memberships.everInBranch(branchId).stream()
			.filter(m -> m.inBranchOn(branchId, date))
			.toList();
		List<Long> ids = on.stream().map(Memberships.Membership::memberId).toList();
		Set<Long> mobile = attendance.mobileOn(ids, date);
		Set<Long> reported = attendance.reportedIn(ids, YearMonth.from(date));
		return on.stream()
			.map(m -> new RosterEntry(Long.toString(m.memberId()), m.name(), mobile.contains(m.memberId()),
					reported.contains(m.memberId())))
			.toList();
	}

	record Stored(long id, long countyId, long branchId, Long groupId, MeetingType type, LocalDate heldOn, String theme,
			String firstTopic, Long hostMemberId, GeneralMeeting generalMeeting, String minutes, int version) {
	}

	Stored load(long meetingId) {
		return jdbc.sql("""
				SELECT id, county_id, organization_id, group_id, type, held_on, theme, first_topic, host_member_id,
				       general_meeting, minutes, version FROM meeting WHERE id = :id""")
			.param("id", meetingId)
			.query((rs, i) -> new Stored(rs.getLong("id"), rs.getLong("county_id"), rs.getLong("organization_id"),
					(Long) rs.getObject("group_id"), MeetingType.valueOf(rs.getString("type")),
					rs.getObject("held_on", LocalDate.class), rs.getString("theme"), rs.getString("first_topic"),
					(Long) rs.getObject("host_member_id"), gm(rs.getString("general_meeting")), rs.getString("minutes"),
					rs.getInt("version")))
			.optional()
			.orElseThrow(() -> new NotFoundException("会议记录不存在"));
	}

	OrgRef requireBranch(long branchId) {
		OrgRef org = organizations.ref(branchId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		if (org.kind() != OrgKind.BRANCH) {
			throw InvalidInputException.of("organizationId", "组织生活按党支部记录（所选为" + org.kind().label() + "）");
		}
		return org;
	}

	MeetingView view(long meetingId) {
		MeetingView base = jdbc.sql("""
				SELECT mt.*, o.name AS org_name, h.name AS host_name, p.theme AS plan_theme
				FROM meeting mt JOIN organization o ON o.id = mt.organization_id
				LEFT JOIN member h ON h.id = mt.host_member_id
				LEFT JOIN meeting_plan p ON p.id = mt.plan_id
				WHERE mt.id = :id""")
			.param("id", meetingId)
			.query((rs, i) -> new MeetingView(rs.getString("id"), rs.getString("organization_id"),
					rs.getString("org_name"), rs.getString("group_id"), MeetingType.valueOf(rs.getString("type")),
					rs.getObject("held_on", LocalDate.class), rs.getString("theme"), rs.getString("first_topic"),
					rs.getString("host_member_id"), rs.getString("host_name"), gm(rs.getString("general_meeting")),
					rs.getString("minutes"), rs.getString("plan_id"), rs.getString("plan_theme"),
					rs.getBoolean("backfilled"), rs.getString("recorded_by"),
					rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("updated_by"),
					rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"), null, List.of(), List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("会议记录不存在"));
		List<AttendanceView> lines = jdbc.sql("""
				SELECT a.member_id, m.name, a.status, a.listed_status FROM meeting_attendance a
				JOIN member m ON m.id = a.member_id WHERE a.meeting_id = :id ORDER BY m.name, m.id""")
			.param("id", meetingId)
			.query((rs, i) -> new AttendanceView(rs.getString(1), rs.getString(2),
					AttendanceStatus.valueOf(rs.getString(3)),
					rs.getString(4) == null ? null : AttendanceStatus.valueOf(rs.getString(4))))
			.list();
		int[] c = new int[AttendanceStatus.values().length];
		lines.forEach(l -> c[l.status().ordinal()]++);
		AttendanceCounts counts = new AttendanceCounts(c[AttendanceStatus.PRESENT.ordinal()],
				c[AttendanceStatus.LATE_OR_EARLY.ordinal()], c[AttendanceStatus.LEAVE.ordinal()],
				c[AttendanceStatus.ABSENT.ordinal()], c[AttendanceStatus.REMOTE.ordinal()]);
		List<FileView> files = EvidenceFiles.filesOf(jdbc, meetingId);
		return new MeetingView(base.id(), base.organizationId(), base.organizationName(), base.groupId(), base.type(),
				base.heldOn(), base.theme(), base.firstTopic(), base.hostMemberId(), base.hostName(),
				base.generalMeeting(), base.minutes(), base.planId(), base.planTheme(), base.backfilled(),
				base.recordedBy(), base.recordedAt(), base.updatedBy(), base.updatedAt(), base.version(), counts, lines,
				files);
	}

	static GeneralMeeting gm(String s) {
		return s == null ? null : GeneralMeeting.valueOf(s);
	}
}
