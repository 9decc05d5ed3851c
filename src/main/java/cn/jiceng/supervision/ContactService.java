package cn.jiceng.supervision;

import static cn.jiceng.settings.RuleCatalog.CONTACT_DUTIES;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.access.Scope;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact assignments (挂联包帮, SPEC.md §4.8, API.md "Responsibility and supervision"): a member assigned to a
 * township, village or branch from a date, the activities logged, the yearly duties met and the organizations of a
 * subtree that nobody is assigned to.
 */
@Service
class ContactService {

	static final Set<Role> ASSIGNERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final Clock clock;

	ContactService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	public record AssignmentInput(String kind, String memberId, String organizationId, String startedOn) {
	}

	public record AssignmentView(String id, ContactKind kind, String kindLabel, String memberId, String memberName,
			String organizationId, String name, LocalDate startedOn) {
	}

	@Transactional
	public AssignmentView assign(AssignmentInput in) {
		scope.requireWriter(ASSIGNERS);
		long county = scope.current().caller().countyId();
		List<FieldProblem> problems = new ArrayList<>();
		ContactKind kind = FormInput.parseEnum(ContactKind.class, in == null ? null : in.kind(), "kind",
				"挂联类型应为 LEADER_TO_TOWNSHIP、DEPARTMENT_TO_VILLAGE、TOWNSHIP_MEMBER_TO_BRANCH 或 FIRST_SECRETARY_TO_VILLAGE",
				problems, true);
		Long memberId = Inputs.id(in == null ? null : in.memberId(), "memberId", "挂联干部", problems);
		if (memberId != null && !memberInCounty(memberId, county)) {
			problems.add(new FieldProblem("memberId", "挂联干部不存在"));
		}
		LocalDate startedOn = Inputs.date(in == null ? null : in.startedOn(), "startedOn", "开始日期", true, problems);
		Long orgId = Inputs.id(in == null ? null : in.organizationId(), "organizationId", "挂联的党组织", problems);
		OrgRef target = null;
		if (orgId != null) {
			scope.requireOrganization(orgId);
			target = organizations.ref(orgId).orElseThrow(() -> new NotFoundException("党组织不存在"));
			if (kind != null) {
				String refusal = ContactDutyPolicy.targetRefusal(kind, targetOf(target));
				if (refusal != null) {
					problems.add(new FieldProblem("organizationId", refusal + "，" + target.name() + "不符合"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("挂联填写有误", problems);
		}
		long id = jdbc.sql("""
				INSERT INTO contact_assignment (county_id, kind, member_id, organization_id, started_on, created_by)
				VALUES (:c, :k, :m, :o, :s, :by) RETURNING id""")
			.param("c", county)
			.param("k", kind.name())
			.param("m", memberId)
			.param("o", orgId)
			.param("s", startedOn)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", kind.name());
		fields.put("memberId", memberId);
		fields.put("organizationId", orgId);
		fields.put("startedOn", startedOn);
		audit.record("ContactAssignment", id, orgId, "CREATE", AuditTrail.created(fields));
		return view(id);
	}

	private ContactDutyPolicy.Target targetOf(OrgRef org) {
		Long root = organizations.rootId().orElse(null);
		return new ContactDutyPolicy.Target(org.kind(), org.field(),
				root != null && root.equals(org.parentId()));
	}

	private boolean memberInCounty(long memberId, long county) {
		return jdbc.sql("SELECT count(*) FROM member WHERE id = :m AND county_id = :c")
			.param("m", memberId)
			.param("c", county)
			.query(Long.class)
			.single() > 0;
	}

	private AssignmentView view(long id) {
		return jdbc.sql("""
				SELECT a.id, a.kind, a.member_id, m.name, a.organization_id, o.name, a.started_on
				FROM contact_assignment a JOIN member m ON m.id = a.member_id
				JOIN organization o ON o.id = a.organization_id WHERE a.id = :id""")
			.param("id", id)
			.query((rs, i) -> {
				ContactKind kind = ContactKind.valueOf(rs.getString(2));
				return new AssignmentView(rs.getString(1), kind, kind.label(), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class));
			})
			.optional()
			.orElseThrow(() -> new NotFoundException("挂联关系不存在"));
	}

	// ---- activities -----------------------------------------------------------------------------------------

	public record ActivityInput(String on, String kind, String note) {
	}

	public record ActivityView(String id, String assignmentId, LocalDate on, ContactActivityKind kind,
			String kindLabel, String note) {
	}

	/**
	 * Logged by an account in whose scope the target lies (branch secretary or higher), or by the assigned member's
	 * own account (the cadre logs their own visits).
	 */
	@Transactional
	public ActivityView activity(long assignmentId, ActivityInput in) {
		record A(long countyId, long memberId, long organizationId, LocalDate startedOn) {
		}
		A a = jdbc.sql("SELECT county_id, member_id, organization_id, started_on FROM contact_assignment WHERE id = :id")
			.param("id", assignmentId)
			.query((rs, i) -> new A(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("挂联关系不存在"));
		Scope caller = scope.current();
		boolean own = caller.caller().memberId() != null && caller.caller().memberId() == a.memberId()
				&& caller.caller().role() != Role.INSPECTOR;
		if (!own) {
			scope.requireOrganization(a.organizationId());
			if (!WRITERS.contains(caller.caller().role())) {
				throw new ForbiddenException("当前角色（" + caller.caller().role().label() + "）无权记录挂联活动");
			}
		}
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = Inputs.date(in == null ? null : in.on(), "on", "活动日期", true, problems);
		if (on != null && on.isAfter(today())) {
			problems.add(new FieldProblem("on", "活动日期不能晚于今天"));
		}
		else if (on != null && on.isBefore(a.startedOn())) {
			problems.add(new FieldProblem("on", "活动日期不能早于挂联开始日期" + a.startedOn()));
		}
		ContactActivityKind kind = FormInput.parseEnum(ContactActivityKind.class, in == null ? null : in.kind(), "kind",
				"活动类型应为 RESEARCH_DAY、DISPATCH_MEETING、PROBLEM_SOLVED、RESEARCH_REPORT、LIFE_MEETING_GUIDED 或 VISIT",
				problems, true);
		String note = Inputs.text(in == null ? null : in.note(), "note", "活动情况", 1000, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("挂联活动填写有误", problems);
		}
		long id = jdbc.sql("""
				INSERT INTO contact_activity (county_id, assignment_id, held_on, kind, note, recorded_by)
				VALUES (:c, :a, :d, :k, :n, :by) RETURNING id""")
			.param("c", a.countyId())
			.param("a", assignmentId)
			.param("d", on)
			.param("k", kind.name())
			.param("n", note)
			.param("by", caller.caller().username())
			.query(Long.class)
			.single();
		audit.record("ContactActivity", id, a.organizationId(), "CREATE", AuditTrail.created(Map.of(
				"assignmentId", assignmentId, "on", on, "kind", kind.name(), "note", note)));
		return new ActivityView(Long.toString(id), Long.toString(assignmentId), on, kind, kind.label(), note);
	}

	// ---- the subtree's assignments, their duties and coverage -----------------------------------------------

	public record Duty(int required, int done) {
	}

	public record Item(String id, ContactKind kind, String kindLabel, String memberId, String memberName,
			String organizationId, String name, LocalDate startedOn, Map<ContactActivityKind, Duty> duties,
			Boolean effective) {
	}

	public record Uncovered(String organizationId, String name, ContactKind kind, String kindLabel) {
	}

	public record Report(int year, List<Item> items, List<Uncovered> uncovered) {
	}

	@Transactional(readOnly = true)
	public Report report(long organizationId, Integer yearParam) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int current = today().getYear();
		int year = yearParam == null ? current : yearParam;
		if (year < 2000 || year > current) {
			throw InvalidInputException.of("year", "年度应在2000到" + current + "之间");
		}
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		Map<String, Integer> setting = settings.forCountyYear(org.countyId(), year).get(CONTACT_DUTIES);
		record Row(long id, ContactKind kind, long memberId, String memberName, long orgId, String orgName,
				LocalDate startedOn) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT a.id, a.kind, a.member_id, m.name, a.organization_id, o.name, a.started_on
				FROM contact_assignment a JOIN member m ON m.id = a.member_id
				JOIN organization o ON o.id = a.organization_id
				WHERE a.county_id = :c AND o.path LIKE :prefix AND a.started_on <= :last
				ORDER BY o.path, a.kind, a.id""")
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.param("last", last)
			.query((rs, i) -> new Row(rs.getLong(1), ContactKind.valueOf(rs.getString(2)), rs.getLong(3),
					rs.getString(4), rs.getLong(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
			.list();
		Map<Long, Map<ContactActivityKind, Integer>> done = new HashMap<>();
		if (!rows.isEmpty()) {
			jdbc.sql("""
					SELECT assignment_id, kind, count(*) FROM contact_activity
					WHERE assignment_id IN (:ids) AND held_on BETWEEN :first AND :last GROUP BY assignment_id, kind""")
				.param("ids", rows.stream().map(Row::id).toList())
				.param("first", first)
				.param("last", last)
				.query(rs -> {
					done.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
						.put(ContactActivityKind.valueOf(rs.getString(2)), rs.getInt(3));
				});
		}
		boolean ended = today().isAfter(last);
		List<Item> items = new ArrayList<>();
		for (Row r : rows) {
			Map<ContactActivityKind, Integer> required = ContactDutyPolicy.duties(r.kind(), setting);
			Map<ContactActivityKind, Integer> counted = done.getOrDefault(r.id(), Map.of());
			Map<ContactActivityKind, Duty> duties = new LinkedHashMap<>();
			required.forEach((k, n) -> duties.put(k, new Duty(n, counted.getOrDefault(k, 0))));
			items.add(new Item(Long.toString(r.id()), r.kind(), r.kind().label(), Long.toString(r.memberId()),
					r.memberName(), Long.toString(r.orgId()), r.orgName(), r.startedOn(), duties,
					ContactDutyPolicy.effective(required, counted, ended)));
		}
		return new Report(year, items, uncovered(org, last));
	}

	/**
	 * Townships (directly under the county root) without a county leader, villages and communities (directly under
	 * a township) without a department, branches without a township committee member, each as of the year's end.
	 * Villages and communities on the year's weak-and-lax list without a first secretary join them.
	 */
	private List<Uncovered> uncovered(OrgRef org, LocalDate last) {
		Long root = organizations.rootId().orElse(-1L);
		return jdbc.sql("""
				SELECT o.id, o.name, need.kind
				FROM organization o
				LEFT JOIN organization p ON p.id = o.parent_id
				CROSS JOIN (VALUES ('LEADER_TO_TOWNSHIP'), ('DEPARTMENT_TO_VILLAGE'), ('TOWNSHIP_MEMBER_TO_BRANCH'),
				                   ('FIRST_SECRETARY_TO_VILLAGE')) AS need(kind)
				WHERE o.county_id = :c AND o.path LIKE :prefix AND o.kind <> 'GROUP'
				  AND CASE need.kind
				        WHEN 'LEADER_TO_TOWNSHIP' THEN o.parent_id = :root
				        WHEN 'DEPARTMENT_TO_VILLAGE' THEN p.parent_id = :root AND o.field IN ('RURAL', 'COMMUNITY')
				        WHEN 'FIRST_SECRETARY_TO_VILLAGE' THEN o.field IN ('RURAL', 'COMMUNITY') AND o.parent_id <> :root
				             AND EXISTS (SELECT 1 FROM weak_lax w WHERE w.organization_id = o.id AND w.year = :year)
				        ELSE o.kind = 'BRANCH' END
				  AND NOT EXISTS (SELECT 1 FROM contact_assignment a WHERE a.organization_id = o.id
				                  AND a.kind = need.kind AND a.started_on <= :last)
				ORDER BY o.path, need.kind""")
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.param("root", root)
			.param("last", last)
			.param("year", last.getYear())
			.query((rs, i) -> {
				ContactKind kind = ContactKind.valueOf(rs.getString(3));
				return new Uncovered(rs.getString(1), rs.getString(2), kind, kind.label());
			})
			.list();
	}
}
