package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiceng.common.FormInput;
import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly plan (一月一方案一主题): a branch sets a month's theme ahead of time, and the themed day of that month
 * links to it. A secretary edits a plan until its month begins (and may still file a missing plan for the
 * current month); township and county accounts may also back-fill plans of past months of an open year.
 */
@Service
class MeetingPlanService {

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final MeetingReads meetings;
	private final YearClosing years;
	private final Clock clock;

	MeetingPlanService(JdbcClient jdbc, DataScope scope, AuditTrail audit, MeetingReads meetings, YearClosing years,
			Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.meetings = meetings;
		this.years = years;
		this.clock = clock;
	}

	public record PlanInput(YearMonth month, String theme, String content) {
	}

	public record PlanView(String id, String organizationId, String organizationName, YearMonth month, String theme,
			String content, String recordedBy, OffsetDateTime recordedAt, OffsetDateTime updatedAt, int version,
			String themedDayMeetingId) {
	}

	public record Saved(PlanView plan, boolean created) {
	}

	@Transactional
	public Saved upsert(long branchId, PlanInput in) {
		scope.requireWriter(MeetingService.WRITERS);
		scope.requireOrganization(branchId);
		OrgRef branch = meetings.requireBranch(branchId);
		List<FieldProblem> problems = new ArrayList<>();
		if (in.month() == null) {
			problems.add(new FieldProblem("month", "请填写方案月份（YYYY-MM）"));
		}
		String theme = FormInput.blankToNull(in.theme());
		if (theme == null || theme.length() > 200) {
			problems.add(new FieldProblem("theme", "请填写本月主题（不超过200字）"));
		}
		String content = FormInput.blankToNull(in.content());
		if (content != null && content.length() > 20000) {
			problems.add(new FieldProblem("content", "方案内容不超过20000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("活动方案不正确", problems);
		}
		Caller caller = scope.current().caller();
		YearMonth current = YearMonth.from(LocalDate.now(clock));
		Optional<PlanView> existing = find(branchId, in.month());
		if (years.isClosed(branch.countyId(), in.month().getYear()) && caller.role() != cn.jiceng.access.Role.COUNTY_ADMIN) {
			throw new ForbiddenException(in.month().getYear() + "年度已关账，仅县级管理员可修改该年度记录");
		}
		if (!caller.role().isTownshipOrHigher()) {
			boolean ahead = in.month().isAfter(current);
			boolean lateButMissing = in.month().equals(current) && existing.isEmpty();
			if (!ahead && !lateButMissing) {
				throw new RuleViolationException(in.month().equals(current)
						? in.month() + " 的活动方案已开始执行，不能再修改"
						: in.month() + " 已过去，补报往月方案须由乡镇及以上账号办理");
			}
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("month", in.month());
		after.put("theme", theme);
		after.put("content", content);
		long id;
		if (existing.isPresent()) {
			id = Long.parseLong(existing.get().id());
			jdbc.sql("UPDATE meeting_plan SET theme = :t, content = :c, updated_at = now(), version = version + 1 WHERE id = :id")
				.param("t", theme)
				.param("c", content)
				.param("id", id)
				.update();
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("month", in.month());
			before.put("theme", existing.get().theme());
			before.put("content", existing.get().content());
			var diff = AuditTrail.diff(before, after);
			if (!diff.isEmpty()) {
				audit.record("MeetingPlan", id, branchId, "UPDATE", diff);
			}
		}
		else {
			id = jdbc.sql("""
					INSERT INTO meeting_plan (county_id, organization_id, month, theme, content, recorded_by)
					VALUES (:county, :b, :m, :t, :c, :by) RETURNING id""")
				.param("county", branch.countyId())
				.param("b", branchId)
				.param("m", in.month().atDay(1))
				.param("t", theme)
				.param("c", content)
				.param("by", caller.username())
				.query(Long.class)
				.single();
			audit.record("MeetingPlan", id, branchId, "CREATE", AuditTrail.created(after));
		}
		// A themed day recorded before its plan was filed links to it now.
		jdbc.sql("""
				UPDATE meeting SET plan_id = :p WHERE organization_id = :b AND type = 'THEMED_DAY'
				AND held_on BETWEEN :from AND :to AND plan_id IS NULL""")
			.param("p", id)
			.param("b", branchId)
			.param("from", in.month().atDay(1))
			.param("to", in.month().atEndOfMonth())
			.update();
		return new Saved(find(branchId, in.month()).orElseThrow(), existing.isEmpty());
	}

	/** Plans of the subtree (a branch: its own) for a year, by month then branch. */
	@Transactional(readOnly = true)
	public List<PlanView> list(long organizationId, int year) {
		scope.requireOrganization(organizationId);
		return jdbc.sql(SELECT + """
				WHERE o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'
				  AND p.month BETWEEN :from AND :to ORDER BY p.month, o.path""")
			.param("root", organizationId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 1))
			.query(MeetingPlanService::map)
			.list();
	}

	private Optional<PlanView> find(long branchId, YearMonth month) {
		return jdbc.sql(SELECT + " WHERE p.organization_id = :b AND p.month = :m")
			.param("b", branchId)
			.param("m", month.atDay(1))
			.query(MeetingPlanService::map)
			.optional();
	}

	private static final String SELECT = """
			SELECT p.id, p.organization_id, o.name, p.month, p.theme, p.content, p.recorded_by, p.recorded_at,
			       p.updated_at, p.version,
			       (SELECT min(mt.id) FROM meeting mt WHERE mt.plan_id = p.id) AS meeting_id
			FROM meeting_plan p JOIN organization o ON o.id = p.organization_id
			""";

	private static PlanView map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new PlanView(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"),
				YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getString("theme"), rs.getString("content"),
				rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"), rs.getString("meeting_id"));
	}
}
