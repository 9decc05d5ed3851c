package cn.jiceng.assessment;

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
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.member.MemberCategory;
import cn.jiceng.member.MemberStatus;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members' democratic appraisal (民主评议党员, SPEC.md §4.7, API.md "Organization assessment"): the branch grades
 * each full member on its roll for a year; 优秀 for at most a third (rounded down) of the branch's full members on the
 * roll, counted as the roll stands when the grade is entered; probationary members are not graded. Every write locks
 * the branch's row before counting, so two appraisers at once cannot pass the cap together; a refused write saves
 * nothing (a whole branch's table is one transaction).
 */
@Service
class DemocraticAppraisalService {

	static final Set<Role> APPRAISERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final Clock clock;

	DemocraticAppraisalService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.clock = clock;
	}

	public record GradeInput(String grade, Integer version) {
	}

	public record GradeView(String memberId, int year, DemocraticGrade grade, String gradeLabel, String organizationId,
			int version) {
	}

	private record Person(long id, long countyId, long organizationId, String name, MemberCategory category,
			MemberStatus status) {
	}

	private record Existing(long id, DemocraticGrade grade, int version, long organizationId) {
	}

	/** PUT /api/members/{id}/democratic-appraisal/{year}. */
	@Transactional
	public GradeView put(long memberId, String yearText, GradeInput in) {
		scope.requireWriter(APPRAISERS);
		scope.requireMember(memberId);
		int year = MemberAppraisalYears.parse(yearText, clock);
		DemocraticGrade grade = parseGrade(in == null ? null : in.grade(), "grade");
		Person person = person(memberId);
		lockBranch(person.organizationId());
		DemocraticAppraisalPolicy policy = policy(person.countyId(), year);
		refuseUngradable(person, policy);
		Existing before = existing(memberId, year);
		if (before != null && in.version() != null && in.version() != before.version()) {
			throw new ConflictException("该党员的评议等次已被他人修改，请刷新后重试");
		}
		if (grade == DemocraticGrade.EXCELLENT && (before == null || before.grade() != DemocraticGrade.EXCELLENT)) {
			int excellent = excellentOthers(person.organizationId(), year, memberId) + 1;
			DemocraticAppraisalPolicy.Decision d = policy.excellentWithinCap(excellent,
					fullMembers(person.organizationId()));
			if (!d.allowed()) {
				throw new RuleViolationException(d.reason());
			}
		}
		write(person, year, grade, before);
		Existing after = existing(memberId, year);
		return new GradeView(Long.toString(memberId), year, grade, grade.label(), Long.toString(after.organizationId()),
				after.version());
	}

	/**
	 * The page's table: the grades of a branch's members for a year in one transaction (blank: no grade). The cap is
	 * checked on the branch's grades after the change; any refusal saves nothing.
	 */
	@Transactional
	public int putBranch(long branchId, int yearParam, Map<Long, String> grades) {
		scope.requireWriter(APPRAISERS);
		scope.requireOrganization(branchId);
		int year = MemberAppraisalYears.parse(Integer.toString(yearParam), clock);
		OrgRef branch = organizations.ref(branchId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		if (branch.kind() != OrgKind.BRANCH) {
			throw InvalidInputException.of("organizationId", "民主评议党员以党支部为单位进行");
		}
		lockBranch(branchId);
		DemocraticAppraisalPolicy policy = policy(branch.countyId(), year);
		List<FieldProblem> problems = new ArrayList<>();
		Map<Long, DemocraticGrade> parsed = new LinkedHashMap<>();
		Map<Long, Boolean> clear = new LinkedHashMap<>();
		grades.forEach((memberId, code) -> {
			if (FormInput.blankToNull(code) == null) {
				clear.put(memberId, true);
				return;
			}
			DemocraticGrade g = FormInput.enumOrNull(DemocraticGrade.class, code);
			if (g == null) {
				problems.add(new FieldProblem("grade-" + memberId, "评议等次应为优秀、合格、基本合格或不合格"));
			}
			else {
				parsed.put(memberId, g);
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException("评议等次填写有误", problems);
		}
		List<String> refusals = new ArrayList<>();
		int changed = 0;
		boolean raised = false;
		for (var e : parsed.entrySet()) {
			Person person = person(e.getKey());
			if (person.organizationId() != branchId) {
				throw new NotFoundException("党员不存在或不在本支部");
			}
			DemocraticAppraisalPolicy.Decision d = policy.mayGrade(person.category() == MemberCategory.PROBATIONARY);
			if (!d.allowed() || !person.status().onRoll()) {
				refusals.add(person.name() + "：" + (d.allowed() ? "不在党员名册上，不能评定等次" : d.reason()));
				continue;
			}
			Existing before = existing(person.id(), year);
			if (before == null || before.grade() != e.getValue()) {
				write(person, year, e.getValue(), before);
				changed++;
				raised |= e.getValue() == DemocraticGrade.EXCELLENT;
			}
		}
		for (Long memberId : clear.keySet()) {
			Existing before = existing(memberId, year);
			if (before != null && before.organizationId() == branchId) {
				jdbc.sql("DELETE FROM democratic_appraisal WHERE id = :id").param("id", before.id()).update();
				audit.record("DemocraticAppraisal", before.id(), branchId, "DELETE",
						AuditTrail.diff(Map.of("grade", before.grade().name()), mapOf("grade", null)));
				changed++;
			}
		}
		if (!refusals.isEmpty()) {
			throw new RuleViolationException(String.join("；", refusals));
		}
		int excellent = jdbc.sql("""
				SELECT count(*) FROM democratic_appraisal WHERE organization_id = :o AND year = :y AND grade = 'EXCELLENT'""")
			.param("o", branchId)
			.param("y", year)
			.query(Integer.class)
			.single();
		DemocraticAppraisalPolicy.Decision d = policy.excellentWithinCap(excellent, fullMembers(branchId));
		if (!d.allowed() && raised) {
			throw new RuleViolationException(d.reason());
		}
		return changed;
	}

	private static Map<String, Object> mapOf(String key, Object value) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(key, value);
		return m;
	}

	private void write(Person person, int year, DemocraticGrade grade, Existing before) {
		String by = scope.current().caller().username();
		if (before == null) {
			long id = jdbc.sql("""
					INSERT INTO democratic_appraisal (county_id, member_id, year, organization_id, grade, appraised_by)
					VALUES (:c, :m, :y, :o, :g, :by) RETURNING id""")
				.param("c", person.countyId())
				.param("m", person.id())
				.param("y", year)
				.param("o", person.organizationId())
				.param("g", grade.name())
				.param("by", by)
				.query(Long.class)
				.single();
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("memberId", person.id());
			after.put("year", year);
			after.put("grade", grade.name());
			audit.record("DemocraticAppraisal", id, person.organizationId(), "CREATE", AuditTrail.created(after));
		}
		else {
			jdbc.sql("""
					UPDATE democratic_appraisal SET grade = :g, organization_id = :o, appraised_by = :by,
					       appraised_at = now(), version = version + 1
					WHERE id = :id""")
				.param("g", grade.name())
				.param("o", person.organizationId())
				.param("by", by)
				.param("id", before.id())
				.update();
			audit.record("DemocraticAppraisal", before.id(), person.organizationId(), "UPDATE",
					AuditTrail.diff(Map.of("grade", before.grade().name()), Map.of("grade", grade.name())));
		}
	}

	private DemocraticGrade parseGrade(String code, String field) {
		List<FieldProblem> problems = new ArrayList<>();
		DemocraticGrade g = FormInput.parseEnum(DemocraticGrade.class, code, field,
				"评议等次应为 EXCELLENT（优秀）、QUALIFIED（合格）、BASIC（基本合格）或 UNQUALIFIED（不合格）", problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("评议等次填写有误", problems);
		}
		return g;
	}

	private void refuseUngradable(Person person, DemocraticAppraisalPolicy policy) {
		DemocraticAppraisalPolicy.Decision d = policy.mayGrade(person.category() == MemberCategory.PROBATIONARY);
		if (!d.allowed()) {
			throw new RuleViolationException(person.name() + "是" + d.reason());
		}
		if (!person.status().onRoll()) {
			throw new RuleViolationException(person.name() + "不在党员名册上（" + person.status().label() + "），不能评定等次");
		}
	}

	private Person person(long memberId) {
		return jdbc.sql("SELECT id, county_id, organization_id, name, category, status FROM member WHERE id = :m")
			.param("m", memberId)
			.query((rs, i) -> new Person(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					MemberCategory.valueOf(rs.getString(5)), MemberStatus.valueOf(rs.getString(6))))
			.optional()
			.orElseThrow(() -> new NotFoundException("党员不存在或不在您的管理范围内"));
	}

	/** Serializes the grading of one branch (FOR NO KEY UPDATE: rows referring to the branch may still be written). */
	private void lockBranch(long branchId) {
		jdbc.sql("SELECT id FROM organization WHERE id = :o FOR NO KEY UPDATE").param("o", branchId).query(Long.class)
			.optional();
	}

	private Existing existing(long memberId, int year) {
		return jdbc.sql("SELECT id, grade, version, organization_id FROM democratic_appraisal WHERE member_id = :m AND year = :y")
			.param("m", memberId)
			.param("y", year)
			.query((rs, i) -> new Existing(rs.getLong(1), DemocraticGrade.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getLong(4)))
			.optional()
			.orElse(null);
	}

	private int excellentOthers(long branchId, int year, long memberId) {
		return jdbc.sql("""
				SELECT count(*) FROM democratic_appraisal
				WHERE organization_id = :o AND year = :y AND grade = 'EXCELLENT' AND member_id <> :m""")
			.param("o", branchId)
			.param("y", year)
			.param("m", memberId)
			.query(Integer.class)
			.single();
	}

	/** Full members of the branch on the roll, as it stands now. */
	private int fullMembers(long branchId) {
		return jdbc.sql("SELECT count(*) FROM member m WHERE m.organization_id = :o AND m.category = 'FULL' AND "
				+ MemberStatus.sqlOnRoll("m.status"))
			.param("o", branchId)
			.query(Integer.class)
			.single();
	}

	private DemocraticAppraisalPolicy policy(long countyId, int year) {
		return new DemocraticAppraisalPolicy(settings.forCountyYear(countyId, year));
	}

	// ---- reading --------------------------------------------------------------------------------------------

	public record Item(String memberId, String name, DemocraticGrade grade, String gradeLabel, MemberCategory category,
			String categoryLabel, boolean gradable, String organizationId, String organizationName, Integer version) {
	}

	public record BranchSummary(String organizationId, String name, int fullMembers, int excellentCap, int excellent,
			int graded, int probationary) {
	}

	public record Listing(String organizationId, String organizationName, OrgKind kind, int year, List<Item> items,
			List<BranchSummary> branches, Map<DemocraticGrade, Integer> distribution) {
	}

	/**
	 * GET /api/organizations/{id}/democratic-appraisals: the members on the roll of the subtree's branches (joined by
	 * the end of the year) with their grade of the year (null: not graded; probationary members are listed, never
	 * graded), and per branch its full members, cap and 优秀 so far. A member account sees its own row.
	 */
	@Transactional(readOnly = true)
	public Listing list(long organizationId, Integer yearParam) {
		scope.requireListing(organizationId);
		int year = MemberAppraisalYears.orThisYear(yearParam, clock);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		DataScope.SqlCondition own = scope.memberCondition("m", "o");
		List<Item> items = jdbc.sql("""
				SELECT m.id, m.name, m.category, o.id AS org_id, o.name AS org_name, d.grade, d.version
				FROM member m JOIN organization o ON o.id = m.organization_id
				LEFT JOIN democratic_appraisal d ON d.member_id = m.id AND d.year = :y
				WHERE m.county_id = :c AND o.path LIKE :prefix AND m.joined_on <= :yearEnd
				  AND (%s OR d.id IS NOT NULL) AND %s
				ORDER BY o.path, CASE WHEN m.category = 'FULL' THEN 0 ELSE 1 END, m.name, m.id"""
			.formatted(MemberStatus.sqlOnRoll("m.status"), own.sql()))
			.params(own.params())
			.param("y", year)
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.param("yearEnd", LocalDate.of(year, 12, 31))
			.query((rs, i) -> {
				DemocraticGrade g = rs.getString("grade") == null ? null : DemocraticGrade.valueOf(rs.getString("grade"));
				MemberCategory c = MemberCategory.valueOf(rs.getString("category"));
				return new Item(rs.getString("id"), rs.getString("name"), g, g == null ? null : g.label(), c, c.label(),
						c == MemberCategory.FULL, rs.getString("org_id"), rs.getString("org_name"),
						(Integer) rs.getObject("version"));
			})
			.list();
		List<BranchSummary> branches = scope.current().memberOnly() ? List.of() : summaries(org, year);
		Map<DemocraticGrade, Integer> distribution = new LinkedHashMap<>();
		for (DemocraticGrade g : DemocraticGrade.values()) {
			distribution.put(g, 0);
		}
		items.stream().filter(i -> i.grade() != null).forEach(i -> distribution.merge(i.grade(), 1, Integer::sum));
		return new Listing(Long.toString(organizationId), org.name(), org.kind(), year, items, branches, distribution);
	}

	/** The page above a branch: the branches with their caps and the grades counted in SQL, without the members. */
	@Transactional(readOnly = true)
	public Listing overview(long organizationId, Integer yearParam) {
		scope.requireOrganization(organizationId);
		int year = MemberAppraisalYears.orThisYear(yearParam, clock);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		Map<DemocraticGrade, Integer> distribution = new LinkedHashMap<>();
		for (DemocraticGrade g : DemocraticGrade.values()) {
			distribution.put(g, 0);
		}
		jdbc.sql("""
				SELECT d.grade, count(*) FROM democratic_appraisal d JOIN member m ON m.id = d.member_id
				JOIN organization o ON o.id = m.organization_id
				WHERE d.county_id = :c AND d.year = :y AND o.path LIKE :prefix GROUP BY d.grade""")
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.query(rs -> {
				distribution.put(DemocraticGrade.valueOf(rs.getString(1)), rs.getInt(2));
			});
		return new Listing(Long.toString(organizationId), org.name(), org.kind(), year, List.of(), summaries(org, year),
				distribution);
	}

	private List<BranchSummary> summaries(OrgRef org, int year) {
		DemocraticAppraisalPolicy policy = policy(org.countyId(), year);
		Map<Long, int[]> graded = new HashMap<>();
		jdbc.sql("""
				SELECT d.organization_id, count(*), count(*) FILTER (WHERE d.grade = 'EXCELLENT')
				FROM democratic_appraisal d JOIN organization o ON o.id = d.organization_id
				WHERE d.county_id = :c AND d.year = :y AND o.path LIKE :prefix GROUP BY d.organization_id""")
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.query(rs -> {
				graded.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3) });
			});
		return jdbc.sql("""
				SELECT o.id, o.name,
				       count(m.id) FILTER (WHERE m.category = 'FULL' AND %1$s),
				       count(m.id) FILTER (WHERE m.category = 'PROBATIONARY' AND %1$s)
				FROM organization o LEFT JOIN member m ON m.organization_id = o.id
				WHERE o.county_id = :c AND o.kind = 'BRANCH' AND o.path LIKE :prefix
				GROUP BY o.id, o.name, o.path ORDER BY o.path""".formatted(MemberStatus.sqlOnRoll("m.status")))
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.query((rs, i) -> {
				int[] g = graded.getOrDefault(rs.getLong(1), new int[2]);
				int full = rs.getInt(3);
				return new BranchSummary(rs.getString(1), rs.getString(2), full, policy.excellentCap(full), g[1], g[0],
						rs.getInt(4));
			})
			.list();
	}
}
