package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import cn.jiceng.common.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remote reports (三信联系法): a member flagged mobile in a month files one report for it, by WeChat, letter or
 * SMS; a secretary or township/county account may enter a letter on the member's behalf. A report stands in
 * for attendance at that month's meetings except the 七一 and 春节 general meetings: meetings already recorded
 * have the member's stored attendance re-resolved at once, so colors and aggregates never read it lazily.
 */
@Service
class RemoteReportService {

	static final Set<Role> ON_BEHALF = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final EffectiveAttendance attendance;
	private final MeetingReads meetings;
	private final YearClosing years;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final RemoteReportPolicy policy = new RemoteReportPolicy();

	RemoteReportService(JdbcClient jdbc, DataScope scope, AuditTrail audit, EffectiveAttendance attendance,
			MeetingReads meetings, YearClosing years, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.attendance = attendance;
		this.meetings = meetings;
		this.years = years;
		this.events = events;
		this.clock = clock;
	}

	public record ReportInput(YearMonth month, String channel, String content) {
	}

	public record ReportView(String id, String memberId, String memberName, YearMonth month, RemoteChannel channel,
			String content, String enteredBy, boolean onBehalf, OffsetDateTime recordedAt) {

		public String channelLabel() {
			return channel.label();
		}
	}

	@Transactional
	public ReportView file(long memberId, ReportInput in) {
		scope.requireMember(memberId);
		Caller caller = scope.current().caller();
		boolean self = caller.memberId() != null && caller.memberId() == memberId;
		if (!self && !ON_BEHALF.contains(caller.role())) {
			throw new ForbiddenException("当前角色（" + caller.role().label() + "）不能报送三信联系报告");
		}
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth current = YearMonth.from(LocalDate.now(clock));
		if (in.month() == null) {
			problems.add(new FieldProblem("month", "请填写报告月份（YYYY-MM）"));
		}
		else if (in.month().isAfter(current)) {
			problems.add(new FieldProblem("month", "不能报送未来月份的报告"));
		}
		RemoteChannel channel = FormInput.parseEnum(RemoteChannel.class, in.channel(), "channel",
				"联系方式应为 WECHAT（微信）、LETTER（书信）或 SMS（短信）", problems, true);
		String content = FormInput.blankToNull(in.content());
		if (content == null || content.length() > 5000) {
			problems.add(new FieldProblem("content", "请填写报告内容（不超过5000字）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("三信联系报告不正确", problems);
		}
		long countyId = jdbc.sql("SELECT county_id FROM member WHERE id = :id")
			.param("id", memberId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("党员不存在"));
		if (years.isClosed(countyId, in.month().getYear()) && caller.role() != Role.COUNTY_ADMIN) {
			throw new ForbiddenException(in.month().getYear() + "年度已关账，仅县级管理员可修改该年度记录");
		}
		boolean mobile = attendance.mobileIn(memberId, in.month());
		boolean filed = jdbc.sql("SELECT count(*) FROM remote_report WHERE member_id = :m AND month = :mo")
			.param("m", memberId)
			.param("mo", in.month().atDay(1))
			.query(Long.class)
			.single() > 0;
		RemoteReportPolicy.Decision decision = self ? policy.mayFile(in.month(), mobile, filed)
				: policy.mayFileOnBehalf(in.month(), channel, mobile, filed);
		if (decision instanceof RemoteReportPolicy.Decision.Refused refused) {
			if (refused.refusal() == RemoteReportPolicy.Refusal.ALREADY_FILED) {
				throw new ConflictException(refused.reason());
			}
			throw new RuleViolationException(refused.reason());
		}
		long id = jdbc.sql("""
				INSERT INTO remote_report (county_id, member_id, month, channel, content, entered_by, on_behalf)
				VALUES (:c, :m, :mo, :ch, :content, :by, :behalf) RETURNING id""")
			.param("c", countyId)
			.param("m", memberId)
			.param("mo", in.month().atDay(1))
			.param("ch", channel.name())
			.param("content", content)
			.param("by", caller.username())
			.param("behalf", !self)
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("memberId", memberId);
		fields.put("month", in.month());
		fields.put("channel", channel);
		fields.put("onBehalf", !self);
		List<Long> changed = attendance.refreshMember(memberId, in.month());
		fields.put("meetingsNowRemote", changed);
		Long orgId = jdbc.sql("SELECT organization_id FROM member WHERE id = :id").param("id", memberId)
			.query(Long.class).single();
		audit.record("RemoteReport", id, orgId, "CREATE", AuditTrail.created(fields));
		events.publishEvent(new RemoteReportFiled(id, countyId, memberId, in.month(), channel));
		for (Long meetingId : changed) {
			MeetingReads.Stored m = meetings.load(meetingId);
			events.publishEvent(new AttendanceCorrected(meetingId, countyId, m.branchId(), m.type(), m.heldOn(),
					List.of(memberId)));
		}
		return get(id);
	}

	/** A member's reports of a year (member accounts: their own). */
	@Transactional(readOnly = true)
	public List<ReportView> ofMember(long memberId, int year) {
		scope.requireMember(memberId);
		return jdbc.sql(SELECT + " WHERE r.member_id = :m AND r.month BETWEEN :from AND :to ORDER BY r.month")
			.param("m", memberId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 1))
			.query(RemoteReportService::map)
			.list();
	}

	/** Reports of the members now in the subtree for a month (the secretary's and township's overview). */
	@Transactional(readOnly = true)
	public List<ReportView> ofSubtree(long organizationId, YearMonth month) {
		scope.requireOrganization(organizationId);
		return jdbc.sql(SELECT + """
				JOIN organization o ON o.id = m.organization_id
				WHERE o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%' AND r.month = :mo
				ORDER BY m.name, m.id""")
			.param("root", organizationId)
			.param("mo", month.atDay(1))
			.query(RemoteReportService::map)
			.list();
	}

	private ReportView get(long id) {
		return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(RemoteReportService::map).single();
	}

	private static final String SELECT = """
			SELECT r.id, r.member_id, m.name, r.month, r.channel, r.content, r.entered_by, r.on_behalf, r.recorded_at
			FROM remote_report r JOIN member m ON m.id = r.member_id
			""";

	private static ReportView map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new ReportView(rs.getString("id"), rs.getString("member_id"), rs.getString("name"),
				YearMonth.from(rs.getObject("month", LocalDate.class)), RemoteChannel.valueOf(rs.getString("channel")),
				rs.getString("content"), rs.getString("entered_by"), rs.getBoolean("on_behalf"),
				rs.getObject("recorded_at", OffsetDateTime.class));
	}
}
