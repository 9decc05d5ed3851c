package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
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
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.orglife.MeetingViews.AttendanceInput;
import cn.jiceng.orglife.MeetingViews.MeetingInput;
import cn.jiceng.orglife.MeetingViews.MeetingPatch;
import cn.jiceng.orglife.MeetingViews.MeetingView;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meeting records (三会一课, 主题党日, 组织生活会, 民主评议) with the effective attendance of every branch member on
 * the date, under the late-entry and year-closing rules of {@link BackfillPolicy}: the writes. Reading meetings,
 * their pages and the roster of a date is {@link MeetingReads}.
 */
@Service
class MeetingService {

	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final YearClosing years;
	private final Memberships memberships;
	private final EffectiveAttendance attendance;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final MeetingReads reads;

	MeetingService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, YearClosing years, Memberships memberships, EffectiveAttendance attendance,
			ApplicationEventPublisher events, Clock clock, MeetingReads reads) {
		this.reads = reads;
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
		OrgRef branch = reads.requireBranch(branchId);
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
		return reads.view(id);
	}

	/** Corrects a recorded meeting; attendance lines change only the members they name. */
	@Transactional
	public MeetingView patch(long meetingId, MeetingPatch p) {
		MeetingReads.Stored m = loadForChange(meetingId, p.version());
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
		return reads.view(meetingId);
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

	/** Replaces the whole attendance list (members not listed count as ABSENT, or REMOTE by the rules). */
	@Transactional
	public MeetingView replaceAttendance(long meetingId, Integer version, List<AttendanceInput> lines) {
		MeetingReads.Stored m = loadForChange(meetingId, version);
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
		return reads.view(meetingId);
	}

	/** Deletes a meeting recorded in error, under the same rules as a change. */
	@Transactional
	public void delete(long meetingId, Integer version) {
		MeetingReads.Stored m = loadForChange(meetingId, version);
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

	// ---------------------------------------------------------------------------------------------------------

	private MeetingReads.Stored loadForChange(long meetingId, Integer version) {
		scope.requireWriter(WRITERS);
		MeetingReads.Stored m = reads.load(meetingId);
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

	private List<Long> rewriteAttendance(MeetingReads.Stored m, GeneralMeeting general, Map<Long, AttendanceStatus> listed,
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
}
