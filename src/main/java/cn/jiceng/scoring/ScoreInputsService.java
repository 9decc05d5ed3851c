package cn.jiceng.scoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.Caller;
import cn.jiceng.access.CurrentCaller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.Field;
import cn.jiceng.organization.Office;
import cn.jiceng.organization.OfficeService;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records behind the other-work inputs: cadre duties and daily logs (日志日销), and who is the secretary of a
 * village branch. Each write is audited and recomputes the affected indexes.
 */
@Service
class ScoreInputsService {

	private static final Set<Role> ADMINS = Set.of(Role.TOWNSHIP_ADMIN, Role.COUNTY_ADMIN);

	public record DutyInput(String organizationId, String startedOn, String endedOn) {
	}

	public record DutyView(String id, String memberId, String organizationId, String organizationName,
			LocalDate startedOn, LocalDate endedOn) {
	}

	public record LogInput(String memberId, String date, String content) {
	}

	public record LogView(String id, String memberId, LocalDate date, String content, String recordedBy,
			OffsetDateTime recordedAt) {
	}

	public record SecretaryInput(String memberId, String startedOn) {
	}

	public record SecretaryView(String id, String branchId, String memberId, String memberName, LocalDate startedOn,
			LocalDate endedOn) {
	}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final CurrentCaller currentCaller;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final OfficeService offices;
	private final VanguardEngine engine;

	ScoreInputsService(JdbcClient jdbc, DataScope scope, CurrentCaller currentCaller, AuditTrail audit,
			OrganizationService organizations, VanguardEngine engine, OfficeService offices) {
		this.jdbc = jdbc;
		this.offices = offices;
		this.scope = scope;
		this.currentCaller = currentCaller;
		this.audit = audit;
		this.organizations = organizations;
		this.engine = engine;
	}

	// ---- cadre duties ----

	@Transactional
	public DutyView addDuty(long memberId, DutyInput in) {
		scope.requireWriter(ADMINS);
		scope.requireMember(memberId);
		List<FieldProblem> problems = new ArrayList<>();
		Long orgId = Ids.parseOptional(in.organizationId(), "organizationId", "党组织");
		if (orgId == null) {
			problems.add(new FieldProblem("organizationId", "请选择驻（联）村的党组织"));
		}
		LocalDate from = date(in.startedOn(), "startedOn", true, problems);
		LocalDate to = date(in.endedOn(), "endedOn", false, problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.add(new FieldProblem("endedOn", "结束日期不能早于开始日期"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("驻村任务填写有误", problems);
		}
		scope.requireOrganization(orgId);
		long county = countyOfMember(memberId);
		// Lock the cadre, then check: two requests sent together cannot both pass the overlap check.
		jdbc.sql("SELECT id FROM member WHERE id = :m FOR NO KEY UPDATE").param("m", memberId).query(Long.class).list();
		long overlapping = jdbc.sql("""
				SELECT count(*) FROM cadre_duty WHERE member_id = :m AND organization_id = :o
				AND started_on <= :to AND coalesce(ended_on, DATE '9999-12-31') >= :from""")
			.param("m", memberId)
			.param("o", orgId)
			.param("from", from)
			.param("to", to == null ? LocalDate.of(9999, 12, 31) : to)
			.query(Long.class)
			.single();
		if (overlapping > 0) {
			throw new ConflictException("该干部在这个村已有与此时段重叠的驻（联）村任务");
		}
		long id = jdbc.sql("""
				INSERT INTO cadre_duty (county_id, member_id, organization_id, started_on, ended_on, recorded_by)
				VALUES (:c, :m, :o, :from, :to, :by) RETURNING id""")
			.param("c", county)
			.param("m", memberId)
			.param("o", orgId)
			.param("from", from)
			.param("to", to)
			.param("by", currentCaller.actorName())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("memberId", memberId);
		fields.put("organizationId", orgId);
		fields.put("startedOn", from);
		fields.put("endedOn", to);
		audit.record("CadreDuty", id, orgId, "CREATE", AuditTrail.created(fields));
		recomputeYears(county, List.of(memberId), from.getYear(), to == null ? engine.today().getYear() : to.getYear());
		return duties(memberId).stream().filter(d -> d.id().equals(Long.toString(id))).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<DutyView> duties(long memberId) {
		scope.requireMember(memberId);
		return jdbc.sql("""
				SELECT d.id, d.member_id, d.organization_id, o.name, d.started_on, d.ended_on
				FROM cadre_duty d JOIN organization o ON o.id = d.organization_id
				WHERE d.member_id = :m ORDER BY d.started_on DESC, d.id DESC""")
			.param("m", memberId)
			.query((rs, i) -> new DutyView(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)),
					Long.toString(rs.getLong(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class)))
			.list();
	}

	// ---- daily logs ----

	/** A day's log, by the cadre themself or entered for them by a township or county account. */
	@Transactional
	public LogView addLog(LogInput in) {
		Caller caller = scope.current().caller();
		List<FieldProblem> problems = new ArrayList<>();
		Long memberId = Ids.parseOptional(in.memberId(), "memberId", "党员");
		if (memberId == null) {
			memberId = caller.memberId();
		}
		if (memberId == null) {
			problems.add(new FieldProblem("memberId", "请指明是哪位干部的工作日志"));
		}
		LocalDate day = date(in.date(), "date", true, problems);
		String content = in.content() == null ? "" : in.content().trim();
		if (content.isEmpty()) {
			problems.add(new FieldProblem("content", "请填写日志内容"));
		}
		else if (content.length() > 2000) {
			problems.add(new FieldProblem("content", "日志内容最长2000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("工作日志填写有误", problems);
		}
		if (!memberId.equals(caller.memberId())) {
			scope.requireWriter(ADMINS);
		}
		else if (caller.role() == Role.INSPECTOR) {
			scope.requireWriter(ADMINS);
		}
		scope.requireMember(memberId);
		if (day.isAfter(engine.today())) {
			throw new RuleViolationException("不能填写未来日期的工作日志");
		}
		long onDuty = jdbc.sql("SELECT count(*) FROM cadre_duty WHERE member_id = :m AND started_on <= :d "
				+ "AND (ended_on IS NULL OR ended_on >= :d)")
			.param("m", memberId)
			.param("d", day)
			.query(Long.class)
			.single();
		if (onDuty == 0) {
			throw new RuleViolationException(day + " 该干部没有驻（联）村任务，无需填写工作日志");
		}
		long county = countyOfMember(memberId);
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO cadre_log (county_id, member_id, logged_on, content, recorded_by)
					VALUES (:c, :m, :d, :content, :by) RETURNING id""")
				.param("c", county)
				.param("m", memberId)
				.param("d", day)
				.param("content", content)
				.param("by", currentCaller.actorName())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(day + " 的工作日志已经填写过了");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("memberId", memberId);
		fields.put("date", day);
		fields.put("content", content);
		audit.record("CadreLog", id, organizationOfMember(memberId), "CREATE", AuditTrail.created(fields));
		engine.recomputeMembers(county, day.getYear(), List.of(memberId));
		return logs(memberId, day.getYear()).stream().filter(l -> l.id().equals(Long.toString(id))).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<LogView> logs(long memberId, int year) {
		scope.requireMember(memberId);
		return jdbc.sql("""
				SELECT id, member_id, logged_on, content, recorded_by, recorded_at FROM cadre_log
				WHERE member_id = :m AND logged_on BETWEEN :from AND :to ORDER BY logged_on DESC""")
			.param("m", memberId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query((rs, i) -> new LogView(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	// ---- village secretaries ----

	/** Names the secretary of a village branch from a date; the predecessor's term ends the day before. */
	@Transactional
	public List<SecretaryView> designateSecretary(long branchId, SecretaryInput in) {
		scope.requireWriter(ADMINS);
		scope.requireOrganization(branchId);
		OrgRef branch = organizations.ref(branchId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<FieldProblem> problems = new ArrayList<>();
		Long memberId = Ids.parseOptional(in.memberId(), "memberId", "党员");
		if (memberId == null) {
			problems.add(new FieldProblem("memberId", "请选择支部书记"));
		}
		LocalDate from = date(in.startedOn(), "startedOn", true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("村党组织书记填写有误", problems);
		}
		if (branch.kind() != OrgKind.BRANCH || branch.field() != Field.RURAL) {
			throw new RuleViolationException("只有农村党支部需要登记村党组织书记");
		}
		scope.requireMember(memberId);
		// One designation of a branch at a time: the second reads the term the first has just opened.
		jdbc.sql("SELECT id FROM organization WHERE id = :b FOR NO KEY UPDATE").param("b", branchId).query(Long.class).list();
		Long memberBranch = jdbc.sql("SELECT organization_id FROM member WHERE id = :m").param("m", memberId)
			.query(Long.class).single();
		if (memberBranch != branchId) {
			throw new RuleViolationException("村党组织书记须是本支部党员");
		}
		Set<Long> affected = new LinkedHashSet<>(offices.secretaryMembersEver(branchId));
		offices.handOverSecretary(branchId, memberId, from);
		affected.add(memberId);
		// The lecture rule judges ended years only.
		recomputeYears(branch.countyId(), affected, from.getYear(), engine.today().getYear() - 1);
		return secretaries(branchId);
	}

	/** The branch's secretaries over time, newest first (the leadership offices of the organization module). */
	@Transactional(readOnly = true)
	public List<SecretaryView> secretaries(long branchId) {
		scope.requireOrganization(branchId);
		return offices.history(branchId)
			.items()
			.stream()
			.filter(h -> h.office() == Office.SECRETARY)
			.map(h -> new SecretaryView(h.id(), h.organizationId(), h.memberId(), h.name(), h.startedOn(), h.endedOn()))
			.toList();
	}

	private void recomputeYears(long county, java.util.Collection<Long> members, int fromYear, int toYear) {
		int last = Math.min(toYear, engine.today().getYear());
		for (int y = Math.max(fromYear, last - 9); y <= last; y++) {
			engine.recomputeMembers(county, y, members);
		}
	}

	private long countyOfMember(long memberId) {
		return jdbc.sql("SELECT county_id FROM member WHERE id = :m").param("m", memberId).query(Long.class).single();
	}

	private long organizationOfMember(long memberId) {
		return jdbc.sql("SELECT organization_id FROM member WHERE id = :m").param("m", memberId).query(Long.class).single();
	}

	private static LocalDate date(String value, String field, boolean required, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new FieldProblem(field, "请填写日期（YYYY-MM-DD）"));
			}
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(value.trim());
			if (d.getYear() < 2000 || d.getYear() > 2100) {
				problems.add(new FieldProblem(field, "日期不正确"));
				return null;
			}
			return d;
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, "日期格式应为 YYYY-MM-DD"));
			return null;
		}
	}
}
