package cn.jiceng.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.member.MemberStatus;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cadre contact appraisal ("树根" 100 points, SPEC.md §4.7, API.md "Organization assessment"): a township or the
 * county enters the four components of a member's year; the grade is banded from the total and capped at 良好 when
 * the year's contact assignment was ineffective ({@link ContactAssignmentEffectiveness}). One appraisal per person and
 * year, kept with the unit they belonged to, so the history follows the person across units. A write locks the
 * member's row, so the check of the version and the write happen as one.
 */
@Service
class CadreAppraisalService {

	static final Set<Role> APPRAISERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final ContactAssignmentFindings contacts;
	private final Clock clock;

	CadreAppraisalService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, ContactAssignmentFindings contacts, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.contacts = contacts;
		this.clock = clock;
	}

	public record CadreInput(Object leader, Object masses, Object departments, Object yearEnd, Integer version) {
	}

	public record AppraisalView(String memberId, String name, int year, BigDecimal leader, BigDecimal masses,
			BigDecimal departments, BigDecimal yearEnd, BigDecimal total, CadreGrade grade, String gradeLabel,
			String capReason, String organizationId, String organizationName, int version, String appraisedBy,
			OffsetDateTime appraisedAt) {
	}

	public record HistoryItem(int year, BigDecimal total, CadreGrade grade, String gradeLabel, String capReason,
			String organizationId, String organizationName) {
	}

	public record History(String memberId, String name, List<HistoryItem> items, boolean promotionPriority) {
	}

	/** PUT /api/members/{id}/cadre-appraisals/{year}. */
	@Transactional
	public AppraisalView put(long memberId, String yearText, CadreInput in) {
		scope.requireWriter(APPRAISERS);
		scope.requireMember(memberId);
		int year = MemberAppraisalYears.parse(yearText, clock);
		record Person(long countyId, long organizationId, String name, MemberStatus status) {
		}
		Person person = jdbc.sql("SELECT county_id, organization_id, name, status FROM member WHERE id = :m FOR NO KEY UPDATE")
			.param("m", memberId)
			.query((rs, i) -> new Person(rs.getLong(1), rs.getLong(2), rs.getString(3),
					MemberStatus.valueOf(rs.getString(4))))
			.optional()
			.orElseThrow(() -> new NotFoundException("党员不存在或不在您的管理范围内"));
		CadreAppraisalPolicy policy = new CadreAppraisalPolicy(settings.forCountyYear(person.countyId(), year));
		List<FieldProblem> problems = new ArrayList<>();
		BigDecimal leader = MemberAppraisalYears.decimal(in == null ? null : in.leader(), "leader", problems);
		BigDecimal masses = MemberAppraisalYears.decimal(in == null ? null : in.masses(), "masses", problems);
		BigDecimal departments = MemberAppraisalYears.decimal(in == null ? null : in.departments(), "departments", problems);
		BigDecimal yearEnd = MemberAppraisalYears.decimal(in == null ? null : in.yearEnd(), "yearEnd", problems);
		List<String> bad = problems.stream().map(FieldProblem::field).toList();
		policy.check(leader, masses, departments, yearEnd).stream().filter(p -> !bad.contains(p.field()))
			.forEach(problems::add);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("“树根”考核得分填写有误", problems);
		}
		if (!person.status().onRoll()) {
			throw new RuleViolationException(person.name() + "已" + person.status().label().replace("已", "")
					+ "，不在党员名册上，不能考核");
		}
		AppraisalView before = find(memberId, year);
		Integer version = in.version();
		if (before != null && version != null && version != before.version()) {
			throw new ConflictException("该年度考核已被他人修改，请刷新后重试");
		}
		CadreAppraisalPolicy.Components components = new CadreAppraisalPolicy.Components(leader, masses, departments,
				yearEnd);
		CadreAppraisalPolicy.Result result = policy.appraise(components, contacts.of(memberId, year));
		String by = scope.current().caller().username();
		long id;
		if (before == null) {
			id = jdbc.sql("""
					INSERT INTO cadre_appraisal (county_id, member_id, year, organization_id, leader, masses, departments,
					                             year_end, total, grade, cap_reason, appraised_by)
					VALUES (:c, :m, :y, :o, :leader, :masses, :departments, :yearEnd, :total, :grade, :cap, :by)
					RETURNING id""")
				.param("c", person.countyId())
				.param("m", memberId)
				.param("y", year)
				.param("o", person.organizationId())
				.param("leader", leader)
				.param("masses", masses)
				.param("departments", departments)
				.param("yearEnd", yearEnd)
				.param("total", result.total())
				.param("grade", result.grade().name())
				.param("cap", result.capReason())
				.param("by", by)
				.query(Long.class)
				.single();
		}
		else {
			id = jdbc.sql("""
					UPDATE cadre_appraisal SET leader = :leader, masses = :masses, departments = :departments,
					       year_end = :yearEnd, total = :total, grade = :grade, cap_reason = :cap, appraised_by = :by,
					       appraised_at = now(), version = version + 1
					WHERE member_id = :m AND year = :y RETURNING id""")
				.param("m", memberId)
				.param("y", year)
				.param("leader", leader)
				.param("masses", masses)
				.param("departments", departments)
				.param("yearEnd", yearEnd)
				.param("total", result.total())
				.param("grade", result.grade().name())
				.param("cap", result.capReason())
				.param("by", by)
				.query(Long.class)
				.single();
		}
		AppraisalView after = find(memberId, year);
		if (before == null) {
			audit.record("CadreAppraisal", id, Long.valueOf(after.organizationId()), "CREATE",
					AuditTrail.created(snapshot(after)));
		}
		else {
			audit.record("CadreAppraisal", id, Long.valueOf(after.organizationId()), "UPDATE",
					AuditTrail.diff(snapshot(before), snapshot(after)));
		}
		return after;
	}

	private static Map<String, Object> snapshot(AppraisalView v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("memberId", v.memberId());
		m.put("year", v.year());
		m.put("leader", v.leader());
		m.put("masses", v.masses());
		m.put("departments", v.departments());
		m.put("yearEnd", v.yearEnd());
		m.put("total", v.total());
		m.put("grade", v.grade().name());
		m.put("capReason", v.capReason());
		return m;
	}

	private static final String SELECT = """
			SELECT a.member_id, m.name, a.year, a.leader, a.masses, a.departments, a.year_end, a.total, a.grade,
			       a.cap_reason, a.organization_id, o.name AS org_name, a.version, a.appraised_by, a.appraised_at
			FROM cadre_appraisal a JOIN member m ON m.id = a.member_id JOIN organization o ON o.id = a.organization_id
			""";

	private static AppraisalView map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		CadreGrade grade = CadreGrade.valueOf(rs.getString("grade"));
		return new AppraisalView(rs.getString("member_id"), rs.getString("name"), rs.getInt("year"),
				rs.getBigDecimal("leader"), rs.getBigDecimal("masses"), rs.getBigDecimal("departments"),
				rs.getBigDecimal("year_end"), rs.getBigDecimal("total"), grade, grade.label(), rs.getString("cap_reason"),
				rs.getString("organization_id"), rs.getString("org_name"), rs.getInt("version"),
				rs.getString("appraised_by"), rs.getObject("appraised_at", OffsetDateTime.class));
	}

	private AppraisalView find(long memberId, int year) {
		return jdbc.sql(SELECT + " WHERE a.member_id = :m AND a.year = :y")
			.param("m", memberId)
			.param("y", year)
			.query(CadreAppraisalService::map)
			.optional()
			.orElse(null);
	}

	/** GET /api/members/{id}/cadre-appraisals: every appraised year of the person, latest first, in any unit. */
	@Transactional(readOnly = true)
	public History history(long memberId) {
		scope.requireMember(memberId);
		String name = jdbc.sql("SELECT name FROM member WHERE id = :m").param("m", memberId).query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("党员不存在或不在您的管理范围内"));
		List<AppraisalView> rows = jdbc.sql(SELECT + " WHERE a.member_id = :m ORDER BY a.year DESC")
			.param("m", memberId)
			.query(CadreAppraisalService::map)
			.list();
		List<HistoryItem> items = rows.stream()
			.map(r -> new HistoryItem(r.year(), r.total(), r.grade(), r.gradeLabel(), r.capReason(), r.organizationId(),
					r.organizationName()))
			.toList();
		return new History(Long.toString(memberId), name, items, priority(memberId, items));
	}

	private boolean priority(long memberId, List<HistoryItem> items) {
		long county = scope.current().caller().countyId();
		int latest = items.isEmpty() ? LocalDate.now(clock).getYear() : items.get(0).year();
		return new CadreAppraisalPolicy(settings.forCountyYear(county, latest)).promotionPriority(
				items.stream().map(i -> new CadreAppraisalPolicy.Year(i.year(), i.grade())).toList());
	}

	// ---- results of a subtree (pages, Excel) -------------------------------------------------------------------

	public record ResultRow(String memberId, String name, int year, BigDecimal leader, BigDecimal masses,
			BigDecimal departments, BigDecimal yearEnd, BigDecimal total, CadreGrade grade, String gradeLabel,
			String capReason, String organizationId, String organizationName, String currentOrganizationName,
			boolean promotionPriority) {

		static ResultRow of(AppraisalView v, String current, boolean priority) {
			return new ResultRow(v.memberId(), v.name(), v.year(), v.leader(), v.masses(), v.departments(), v.yearEnd(),
					v.total(), v.grade(), v.gradeLabel(), v.capReason(), v.organizationId(), v.organizationName(), current,
					priority);
		}
	}

	public record Results(String organizationId, String organizationName, int year, List<ResultRow> items,
			Map<CadreGrade, Integer> distribution) {
	}

	/** The year's appraisals of the people now in the subtree, with their promotion priority as of their history. */
	@Transactional(readOnly = true)
	public Results results(long organizationId, Integer yearParam) {
		scope.requireOrganization(organizationId);
		int year = MemberAppraisalYears.orThisYear(yearParam, clock);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		record Row(AppraisalView v, String current) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT a.member_id, m.name, a.year, a.leader, a.masses, a.departments, a.year_end, a.total, a.grade,
				       a.cap_reason, a.organization_id, o.name AS org_name, a.version, a.appraised_by, a.appraised_at,
				       cur.name AS current_name
				FROM cadre_appraisal a JOIN member m ON m.id = a.member_id JOIN organization o ON o.id = a.organization_id
				JOIN organization cur ON cur.id = m.organization_id
				WHERE a.county_id = :c AND a.year = :y AND cur.path LIKE :prefix
				ORDER BY a.total DESC, m.name""")
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.query((rs, i) -> new Row(map(rs, i), rs.getString("current_name")))
			.list();
		Map<String, List<CadreAppraisalPolicy.Year>> years = new HashMap<>();
		if (!rows.isEmpty()) {
			jdbc.sql("SELECT member_id, year, grade FROM cadre_appraisal WHERE member_id IN (:ids)")
				.param("ids", rows.stream().map(r -> Long.valueOf(r.v().memberId())).toList())
				.query(rs -> {
					years.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(new CadreAppraisalPolicy.Year(rs.getInt(2), CadreGrade.valueOf(rs.getString(3))));
				});
		}
		CadreAppraisalPolicy policy = new CadreAppraisalPolicy(settings.forCountyYear(org.countyId(), year));
		Map<CadreGrade, Integer> distribution = new LinkedHashMap<>();
		for (CadreGrade g : CadreGrade.values()) {
			distribution.put(g, 0);
		}
		List<ResultRow> items = new ArrayList<>();
		for (Row r : rows) {
			distribution.merge(r.v().grade(), 1, Integer::sum);
			items.add(ResultRow.of(r.v(), r.current(),
					policy.promotionPriority(years.getOrDefault(r.v().memberId(), List.of()))));
		}
		return new Results(Long.toString(organizationId), org.name(), year, items, distribution);
	}

	/** The full points of each component for the caller's county and a year (component name → points). */
	public Map<String, Integer> fullPoints(int year) {
		CadreAppraisalPolicy policy = new CadreAppraisalPolicy(
				settings.forCountyYear(scope.current().caller().countyId(), year));
		Map<String, Integer> points = new LinkedHashMap<>();
		for (CadreAppraisalPolicy.Component c : CadreAppraisalPolicy.Component.values()) {
			points.put(c.name(), policy.fullPoints(c));
		}
		return points;
	}

	/** One appraisal, for the entry form (null when none). */
	@Transactional(readOnly = true)
	public AppraisalView one(long memberId, int year) {
		scope.requireMember(memberId);
		return find(memberId, year);
	}
}
