package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.jiceng.common.FormInput;
import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.ReadCache;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.orglife.MeetingViews.AttendanceCounts;
import cn.jiceng.orglife.MeetingViews.AttendanceInput;
import cn.jiceng.orglife.MeetingViews.AttendanceView;
import cn.jiceng.orglife.MeetingViews.FileView;
import cn.jiceng.orglife.MeetingViews.MeetingInput;
import cn.jiceng.orglife.MeetingViews.MeetingPatch;
import cn.jiceng.orglife.MeetingViews.MeetingSummary;
import cn.jiceng.orglife.MeetingViews.MeetingView;
import cn.jiceng.orglife.MeetingViews.RosterEntry;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meeting records (三会一课, 主题党日, 组织生活会, 民主评议) with the effective attendance of every branch member on
 * the date, under the late-entry and year-closing rules of {@link BackfillPolicy}.
 */
@Service
class MeetingService {

	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	/** Pages of a subtree's meetings, kept while the database is unchanged. */
	private final ReadCache.Region<PageKey, PageResult<MeetingSummary>> pages;

	private record PageKey(long organizationId, LocalDate from, LocalDate to, MeetingType type, PageRequest page) {
	}

	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final YearClosing years;
	private final Memberships memberships;
	private final EffectiveAttendance attendance;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MeetingService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, YearClosing years, Memberships memberships, EffectiveAttendance attendance,
			ApplicationEventPublisher events, Clock clock, ReadCache readCache) {
		this.pages = readCache.region(500);
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.years = years;
		this.memberships = memberships;
		this.attendance = attendance;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public MeetingView record(long branchId, MeetingInput in) {
		scope.requireWriter(WRITERS);
		scope.requireOrganization(branchId);
		OrgRef branch = requireBranch(branchId);
		List<FieldProblem> problems = new ArrayList<>();
		MeetingType type = FormInput.parseEnum(MeetingType.class, in.type(), "type", "会议类型不正确", problems, true);
		if (in.heldOn() == null) {
			problems.add(new FieldProblem("heldOn", "请填写会议日期"));
		}
		String theme = FormInput.blankToNull(in.theme());
		if (theme == null || theme.length() > 200) {
			problems.add(new FieldProblem("theme", "请填写会议主题（不超过200字）"));
		}
		String firstTopic = FormInput.blankToNull(in.firstTopic());
		if (firstTopic != null && firstTopic.length() > 500) {
			problems.add(new FieldProblem("firstTopic", "第一议题不超过500字"));
		}
		GeneralMeeting general = FormInput.parseEnum(GeneralMeeting.class, in.generalMeeting(), "generalMeeting",
				"党员大会标记应为 JULY_FIRST 或 SPRING_FESTIVAL", problems, false);
		Long hostId = AttendanceList.parseId(in.hostMemberId(), "hostMemberId", "主持人", problems);
		Long groupId = AttendanceList.parseId(in.groupId(), "groupId", "党小组", problems);
		Map<Long, AttendanceStatus> listed = AttendanceList.parseAttendance(in.attendance(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("会议记录不正确", problems);
		}
		Caller caller = scope.current().caller();
		LocalDate today = LocalDate.now(clock);
		BackfillPolicy.Decision decision = new BackfillPolicy(settings.forCountyYear(branch.countyId(),
				in.heldOn().getYear())).mayRecord(in.heldOn(), today, caller.role(),
						years.isClosed(branch.countyId(), in.heldOn().getYear()));
		boolean backfilled = accepted(decision).backfilled();
		checkGroup(branchId, type, groupId);
		List<Memberships.Membership> everIn = memberships.everInBranch(branchId);
		Set<Long> onDate = new HashSet<>();
		everIn.stream().filter(m -> m.inBranchOn(branchId, in.heldOn())).forEach(m -> onDate.add(m.memberId()));
		checkHost(hostId, onDate.contains(hostId), in.heldOn());
		AttendanceList.checkListedAreMembers(in.attendance(), listed, onDate, in.heldOn(), problems);
		boolean additional = Boolean.TRUE.equals(in.additional());
		refuseDuplicate(branchId, type, groupId, in.heldOn(), additional);
		List<Long> universe = AttendanceList.universe(type, everIn, onDate, listed);
		List<EffectiveAttendance.Row> rows = attendance.resolve(type, in.heldOn(), general, universe, listed);
		Long planId = type == MeetingType.THEMED_DAY ? planOf(branchId, YearMonth.from(in.heldOn())) : null;
		long id = jdbc.sql("""
				INSERT INTO meeting (county_id, organization_id, group_id, type, held_on, theme, first_topic, host_member_id,
				                     general_meeting, minutes, plan_id, backfilled, recorded_by)
				VALUES (:c, :b, :g, :type, :held, :theme, :topic, :host, :gm, :minutes, :plan, :bf, :by) RETURNING id""")
			.param("c", branch.countyId())
			.param("b", branchId)
			.param("g", groupId)
			.param("type", type.name())
			.param("held", in.heldOn())
			.param("theme", theme)
			.param("topic", firstTopic)
			.param("host", hostId)
			.param("gm", general == null ? null : general.name())
			.param("minutes", FormInput.blankToNull(in.minutes()))
			.param("plan", planId)
			.param("bf", backfilled)
			.param("by", caller.username())
			.query(Long.class)
			.single();
		attendance.insert(id, branch.countyId(), rows);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", type.name());
		fields.put("heldOn", in.heldOn());
		fields.put("theme", theme);
		fields.put("firstTopic", firstTopic);
		fields.put("hostMemberId", hostId);
		fields.put("generalMeeting", general);
		fields.put("groupId", groupId);
		fields.put("backfilled", backfilled);
		if (additional) {
			fields.put("additional", true);
		}
		fields.put("attendance", describe(rows));
		fields.put("rule", decision.reason());
		audit.record("Meeting", id, branchId, backfilled ? "BACKFILL" : "CREATE", AuditTrail.created(fields));
		events.publishEvent(new MeetingRecorded(id, branch.countyId(), branchId, type, in.heldOn()));
		return view(id);
	}

	@Transactional(readOnly = true)
	public MeetingView get(long meetingId) {
		Stored m = load(meetingId);
		scope.requireOrganization(m.branchId());
		return view(meetingId);
	}

	/** Corrects a recorded meeting; attendance lines change only the members they name. */
	@Transactional
	public MeetingView patch(long meetingId, MeetingPatch p) {
		Stored m = loadForChange(meetingId, p.version());
		List<FieldProblem> problems = new ArrayList<>();
		String theme = p.theme() == null ? m.theme() : FormInput.blankToNull(p.theme());
		if (theme == null || theme.length() > 200) {
			problems.add(new FieldProblem("theme", "请填写会议主题（不超过200字）"));
		}
		String firstTopic = p.firstTopic() == null ? m.firstTopic() : FormInput.blankToNull(p.firstTopic());
		if (firstTopic != null && firstTopic.length() > 500) {
			problems.add(new FieldProblem("firstTopic", "第一议题不超过500字"));
		}
		GeneralMeeting general = p.generalMeeting() == null ? m.generalMeeting()
				: p.generalMeeting().isBlank() ? null
						: FormInput.parseEnum(GeneralMeeting.class, p.generalMeeting(), "generalMeeting",
								"党员大会标记应为 JULY_FIRST 或 SPRING_FESTIVAL", problems, false);
		Long hostId = p.hostMemberId() == null ? m.hostMemberId()
				: AttendanceList.parseId(p.hostMemberId(), "hostMemberId", "主持人", problems);
		String minutes = p.minutes() == null ? m.minutes() : FormInput.blankToNull(p.minutes());
		Map<Long, AttendanceStatus> changes = AttendanceList.parseAttendance(p.attendance(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("会议记录不正确", problems);
		}
		if (!Objects.equals(hostId, m.hostMemberId())) {
			checkHost(hostId, hostId != null && memberships.of(hostId)
				.map(h -> h.inBranchOn(m.branchId(), m.heldOn()))
				.orElse(false), m.heldOn());
		}
		Map<Long, EffectiveAttendance.Row> before = attendance.stored(meetingId);
		Map<Long, AttendanceStatus> listed = EffectiveAttendance.listedOf(before);
		listed.putAll(changes);
		boolean attendanceTouched = !changes.isEmpty() || general != m.generalMeeting();
		List<Long> changedMembers = List.of();
		if (attendanceTouched) {
			changedMembers = rewriteAttendance(m, general, listed, p.attendance(), before);
		}
		int updated = jdbc.sql("""
				UPDATE meeting SET theme = :theme, first_topic = :topic, host_member_id = :host, general_meeting = :gm,
				       minutes = :minutes, updated_by = :by, updated_at = now(), version = version + 1
				WHERE id = :id AND version = :v""")
			.param("theme", theme)
			.param("topic", firstTopic)
			.param("host", hostId)
			.param("gm", general == null ? null : general.name())
			.param("minutes", minutes)
			.param("by", scope.current().caller().username())
			.param("id", meetingId)
			.param("v", m.version())
			.update();
		requireUpdated(updated);
		Map<String, Object> b = new LinkedHashMap<>();
		b.put("theme", m.theme());
		b.put("firstTopic", m.firstTopic());
		b.put("hostMemberId", m.hostMemberId());
		b.put("generalMeeting", m.generalMeeting());
		b.put("minutes", m.minutes());
		b.put("attendance", describe(before.values()));
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("theme", theme);
		a.put("firstTopic", firstTopic);
		a.put("hostMemberId", hostId);
		a.put("generalMeeting", general);
		a.put("minutes", minutes);
		a.put("attendance", describe(attendance.stored(meetingId).values()));
		Map<String, Object> diff = AuditTrail.diff(b, a);
		if (!diff.isEmpty()) {
			audit.record("Meeting", meetingId, m.branchId(), "UPDATE", diff);
		}
		if (!changedMembers.isEmpty()) {
			events.publishEvent(new AttendanceCorrected(meetingId, m.countyId(), m.branchId(), m.type(), m.heldOn(),
					changedMembers));
		}
		if (!Objects.equals(m.hostMemberId(), hostId)) {
			events.publishEvent(new MeetingHostChanged(meetingId, m.countyId(), m.branchId(), m.type(), m.heldOn(),
					m.hostMemberId(), hostId));
		}
		return view(meetingId);
	}

	/**
	 * A correction from the meeting's edit page in one transaction: its fields, then (when given and different) the
	 * whole attendance list, under the version the editor loaded.
	 */
	@Transactional
	public MeetingView correct(long meetingId, MeetingPatch fields, List<AttendanceInput> wholeList) {
		MeetingView v = patch(meetingId, new MeetingPatch(fields.version(), fields.theme(), fields.firstTopic(),
				fields.hostMemberId(), fields.generalMeeting(), fields.minutes(), null));
		if (wholeList == null) {
			return v;
		}
		Map<String, AttendanceStatus> now = new java.util.HashMap<>();
		v.attendance().forEach(a -> {
			if (a.listedStatus() != null) {
				now.put(a.memberId(), a.listedStatus());
			}
		});
		Map<String, AttendanceStatus> wanted = new java.util.HashMap<>();
		for (AttendanceInput line : wholeList) {
			if (line.status() != null && !line.status().isBlank()) {
				wanted.put(line.memberId(), FormInput.enumOrNull(AttendanceStatus.class, line.status()));
			}
		}
		return now.equals(wanted) ? v : replaceAttendance(meetingId, v.version(), wholeList);
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

	/** Replaces the whole attendance list (members not listed count as ABSENT, or REMOTE by the rules). */
	@Transactional
	public MeetingView replaceAttendance(long meetingId, Integer version, List<AttendanceInput> lines) {
		Stored m = loadForChange(meetingId, version);
		List<FieldProblem> problems = new ArrayList<>();
		Map<Long, AttendanceStatus> listed = AttendanceList.parseAttendance(lines, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("出勤名单不正确", problems);
		}
		Map<Long, EffectiveAttendance.Row> before = attendance.stored(meetingId);
		List<Long> changed = rewriteAttendance(m, m.generalMeeting(), listed, lines, before);
		requireUpdated(jdbc.sql("UPDATE meeting SET updated_by = :by, updated_at = now(), version = version + 1 WHERE id = :id AND version = :v")
			.param("by", scope.current().caller().username())
			.param("id", meetingId)
			.param("v", m.version())
			.update());
		Map<String, Object> diff = AuditTrail.diff(Map.of("attendance", describe(before.values())),
				Map.of("attendance", describe(attendance.stored(meetingId).values())));
		if (!diff.isEmpty()) {
			audit.record("Meeting", meetingId, m.branchId(), "UPDATE", diff);
		}
		if (!changed.isEmpty()) {
			events.publishEvent(new AttendanceCorrected(meetingId, m.countyId(), m.branchId(), m.type(), m.heldOn(),
					changed));
		}
		return view(meetingId);
	}

	/** Deletes a meeting recorded in error, under the same rules as a change. */
	@Transactional
	public void delete(long meetingId, Integer version) {
		Stored m = loadForChange(meetingId, version);
		Map<Long, EffectiveAttendance.Row> before = attendance.stored(meetingId);
		int n = jdbc.sql("DELETE FROM meeting WHERE id = :id AND version = :v")
			.param("id", meetingId)
			.param("v", m.version())
			.update();
		requireUpdated(n);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", m.type().name());
		fields.put("heldOn", m.heldOn());
		fields.put("theme", m.theme());
		fields.put("attendance", describe(before.values()));
		audit.record("Meeting", meetingId, m.branchId(), "DELETE", AuditTrail.diff(fields, Map.of()));
		events.publishEvent(new MeetingDeleted(meetingId, m.countyId(), m.branchId(), m.type(), m.heldOn(),
				List.copyOf(before.keySet())));
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

	// ---------------------------------------------------------------------------------------------------------

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

	private Stored loadForChange(long meetingId, Integer version) {
		scope.requireWriter(WRITERS);
		Stored m = load(meetingId);
		scope.requireOrganization(m.branchId());
		if (version == null) {
			throw InvalidInputException.of("version", "请提供最后读取时的版本号 version");
		}
		if (version != m.version()) {
			throw new ConflictException("会议记录已被他人修改（当前版本 " + m.version() + "），请刷新后重试");
		}
		requireChangeAllowed(m.countyId(), m.heldOn());
		return m;
	}

	/** The late-entry and closed-year gates for changing anything attached to a meeting held on {@code heldOn}. */
	void requireChangeAllowed(long countyId, LocalDate heldOn) {
		Caller caller = scope.current().caller();
		accepted(new BackfillPolicy(settings.forCountyYear(countyId, heldOn.getYear())).mayChange(heldOn,
				LocalDate.now(clock), caller.role(), years.isClosed(countyId, heldOn.getYear())));
	}

	private List<Long> rewriteAttendance(Stored m, GeneralMeeting general, Map<Long, AttendanceStatus> listed,
			List<AttendanceInput> lines, Map<Long, EffectiveAttendance.Row> before) {
		List<Memberships.Membership> everIn = memberships.everInBranch(m.branchId());
		Set<Long> onDate = new HashSet<>();
		everIn.stream().filter(x -> x.inBranchOn(m.branchId(), m.heldOn())).forEach(x -> onDate.add(x.memberId()));
		List<FieldProblem> problems = new ArrayList<>();
		AttendanceList.checkListedAreMembers(lines, listed, onDate, m.heldOn(), problems);
		List<Long> universe = AttendanceList.universe(m.type(), everIn, onDate, listed);
		List<EffectiveAttendance.Row> rows = attendance.resolve(m.type(), m.heldOn(), general, universe, listed);
		attendance.replace(m.id(), m.countyId(), rows);
		Set<Long> changed = new java.util.TreeSet<>();
		for (EffectiveAttendance.Row r : rows) {
			EffectiveAttendance.Row old = before.get(r.memberId());
			if (old == null || old.status() != r.status()) {
				changed.add(r.memberId());
			}
		}
		for (Long old : before.keySet()) {
			if (rows.stream().noneMatch(r -> r.memberId() == old)) {
				changed.add(old);
			}
		}
		return List.copyOf(changed);
	}

	private void checkGroup(long branchId, MeetingType type, Long groupId) {
		List<Long> groups = jdbc.sql("SELECT id FROM organization WHERE parent_id = :b AND kind = 'GROUP'")
			.param("b", branchId)
			.query(Long.class)
			.list();
		if (type == MeetingType.GROUP_MEETING) {
			if (groupId == null && !groups.isEmpty()) {
				throw InvalidInputException.of("groupId", "党小组会请选择召开会议的党小组");
			}
			if (groupId != null && !groups.contains(groupId)) {
				throw InvalidInputException.of("groupId", "所选党小组不属于本支部");
			}
		}
		else if (groupId != null) {
			throw InvalidInputException.of("groupId", "只有党小组会需要选择党小组");
		}
	}

	/** The host leads the branch's own meeting: one of its members on the day (so no outsider's name is shown). */
	private static void checkHost(Long hostId, boolean inBranchOnDate, LocalDate heldOn) {
		if (hostId != null && !inBranchOnDate) {
			throw InvalidInputException.of("hostMemberId", "主持人" + heldOn + "不是本支部党员");
		}
	}

	/**
	 * One meeting of a type per branch (per group for group meetings) and day unless the request says it is another
	 * one on purpose. The branch row is locked first so two identical requests sent together are checked one after
	 * the other on committed data.
	 */
	private void refuseDuplicate(long branchId, MeetingType type, Long groupId, LocalDate heldOn, boolean additional) {
		jdbc.sql("SELECT id FROM organization WHERE id = :b FOR NO KEY UPDATE").param("b", branchId).query(Long.class).list();
		if (additional) {
			return;
		}
		long same = jdbc.sql("""
				SELECT count(*) FROM meeting WHERE organization_id = :b AND type = :type AND held_on = :held
				AND (CAST(:g AS bigint) IS NULL OR group_id = :g)""")
			.param("b", branchId)
			.param("type", type.name())
			.param("held", heldOn)
			.param("g", groupId)
			.query(Long.class)
			.single();
		if (same > 0) {
			throw new ConflictException("本支部" + heldOn + "已有一条" + type.label()
					+ "记录；如确是当天另开的一次会议，请注明为同日另一次会议（additional: true）");
		}
	}

	private Long planOf(long branchId, YearMonth month) {
		return jdbc.sql("SELECT id FROM meeting_plan WHERE organization_id = :b AND month = :m")
			.param("b", branchId)
			.param("m", month.atDay(1))
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	OrgRef requireBranch(long branchId) {
		OrgRef org = organizations.ref(branchId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		if (org.kind() != OrgKind.BRANCH) {
			throw InvalidInputException.of("organizationId", "组织生活按党支部记录（所选为" + org.kind().label() + "）");
		}
		return org;
	}

	/** Refusals of the late-entry rules: 400 for a future date, 403 for the rest. */
	static BackfillPolicy.Decision.Accepted accepted(BackfillPolicy.Decision decision) {
		if (decision instanceof BackfillPolicy.Decision.Refused refused) {
			if (refused.refusal() == BackfillPolicy.Refusal.HELD_IN_FUTURE) {
				throw InvalidInputException.of("heldOn", "会议日期不能晚于今天");
			}
			throw new ForbiddenException(refused.reason());
		}
		return (BackfillPolicy.Decision.Accepted) decision;
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

	private static String describe(java.util.Collection<EffectiveAttendance.Row> rows) {
		StringBuilder sb = new StringBuilder();
		rows.stream()
			.sorted(java.util.Comparator.comparingLong(EffectiveAttendance.Row::memberId))
			.forEach(r -> sb.append(sb.isEmpty() ? "" : ",").append(r.memberId()).append(':').append(r.status().name()));
		return sb.toString();
	}

	private static void requireUpdated(int rows) {
		if (rows == 0) {
			throw new ConflictException("会议记录已被他人修改，请刷新后重试");
		}
	}

	static GeneralMeeting gm(String s) {
		return s == null ? null : GeneralMeeting.valueOf(s);
	}
}
