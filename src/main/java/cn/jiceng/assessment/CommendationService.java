package cn.jiceng.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
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
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.dues.Arrears;
import cn.jiceng.dues.ArrearsPolicy;
import cn.jiceng.dues.DuesService;
import cn.jiceng.organization.OfficeService;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.orglife.AccountabilityService;
import cn.jiceng.scoring.VanguardService;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commendations (评优评先): a nomination is recorded only when {@link CommendationPolicy} finds no reason against
 * it; otherwise 422 with every reason. The facts come from the modules that own them: the vanguard index and its
 * veto entries (scoring), the unpaid run (dues' ledger and {@link ArrearsPolicy}), accountability (orglife) with the
 * secretaries of the missed months (organization's offices), the weak-and-lax list and the confirmed stars.
 */
@Service
class CommendationService {

	static final Set<Role> NOMINATORS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final VanguardService vanguard;
	private final DuesService dues;
	private final AccountabilityService accountability;
	private final OfficeService offices;
	private final StarService stars;
	private final WeakAndLaxLists weakAndLax;
	private final Clock clock;

	CommendationService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, VanguardService vanguard, DuesService dues,
			AccountabilityService accountability, OfficeService offices, StarService stars, WeakAndLaxLists weakAndLax,
			Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.vanguard = vanguard;
		this.dues = dues;
		this.accountability = accountability;
		this.offices = offices;
		this.stars = stars;
		this.weakAndLax = weakAndLax;
		this.clock = clock;
	}

	public record NominationInput(Integer year, String award, String level, String memberId, String organizationId) {
	}

	public record CommendationView(String id, int year, Commendations.Award award, String awardLabel,
			Commendations.Level level, String levelLabel, String memberId, String organizationId, String name,
			String createdBy, OffsetDateTime createdAt) {
	}

	public record ListView(String organizationId, int year, List<CommendationView> items) {
	}

	/** A checked nomination: the subject's name and every reason against it (empty when eligible). */
	public record Check(String name, List<CommendationPolicy.Reason> reasons) {
	}

	@Transactional
	public CommendationView nominate(NominationInput in) {
		scope.requireWriter(NOMINATORS);
		Parsed p = parse(in);
		Check check = check(p);
		if (!check.reasons().isEmpty()) {
			String detail = check.name() + "不符合" + p.award().label() + "评选条件："
					+ String.join("；", check.reasons().stream().map(CommendationPolicy.Reason::message).toList());
			List<Map<String, String>> reasons = check.reasons().stream()
				.map(r -> Map.of("code", r.code(), "message", r.message()))
				.toList();
			throw new RuleViolationException(detail, Map.of("reasons", reasons));
		}
		long county = scope.current().caller().countyId();
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO commendation (county_id, year, award, level, member_id, organization_id, name, created_by)
					VALUES (:c, :y, :a, :l, :m, :o, :n, :by) RETURNING id""")
				.param("c", county)
				.param("y", p.year())
				.param("a", p.award().name())
				.param("l", p.level().name())
				.param("m", p.memberId())
				.param("o", p.organizationId())
				.param("n", check.name())
				.param("by", scope.current().caller().username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(check.name() + "已被推荐为" + p.year() + "年度" + p.level().label()
					+ p.award().label());
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("year", p.year());
		fields.put("award", p.award().name());
		fields.put("level", p.level().name());
		fields.put("memberId", p.memberId());
		fields.put("organizationId", p.organizationId());
		fields.put("name", check.name());
		audit.record("Commendation", id, p.organizationId() != null ? p.organizationId() : memberOrganization(p.memberId()),
				"CREATE", AuditTrail.created(fields));
		return find(id);
	}

	/** The reasons against a nomination without recording it (the form shows them before saving). */
	@Transactional
	public Check preview(NominationInput in) {
		scope.requireWriter(NOMINATORS);
		return check(parse(in));
	}

	@Transactional(readOnly = true)
	public ListView list(long organizationId, Integer yearParam) {
		scope.requireOrganization(organizationId);
		int year = year(yearParam);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<CommendationView> items = jdbc.sql(SELECT + """
				LEFT JOIN member m ON m.id = c.member_id
				LEFT JOIN organization mo ON mo.id = m.organization_id
				LEFT JOIN organization o ON o.id = c.organization_id
				WHERE c.county_id = :c AND c.year = :y AND coalesce(o.path, mo.path) LIKE :prefix
				ORDER BY c.level DESC, c.award, c.created_at, c.id""")
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.query(CommendationService::map)
			.list();
		return new ListView(Long.toString(organizationId), year, items);
	}

	private static final String SELECT = """
			SELECT c.id, c.year, c.award, c.level, c.member_id, c.organization_id, c.name, c.created_by, c.created_at
			FROM commendation c
			""";

	private static CommendationView map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		Commendations.Award award = Commendations.Award.valueOf(rs.getString("award"));
		Commendations.Level level = Commendations.Level.valueOf(rs.getString("level"));
		return new CommendationView(rs.getString("id"), rs.getInt("year"), award, award.label(), level, level.label(),
				rs.getString("member_id"), rs.getString("organization_id"), rs.getString("name"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
	}

	private CommendationView find(long id) {
		return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(CommendationService::map).single();
	}

	private Long memberOrganization(Long memberId) {
		return jdbc.sql("SELECT organization_id FROM member WHERE id = :m").param("m", memberId).query(Long.class)
			.optional().orElse(null);
	}

	record Parsed(int year, Commendations.Award award, Commendations.Level level, Long memberId, Long organizationId) {
	}

	private Parsed parse(NominationInput in) {
		List<FieldProblem> problems = new ArrayList<>();
		if (in == null) {
			in = new NominationInput(null, null, null, null, null);
		}
		int current = LocalDate.now(clock).getYear();
		Integer year = in.year();
		if (year == null || year < 2000 || year > current) {
			problems.add(new FieldProblem("year", "年度应在2000到" + current + "之间"));
		}
		Commendations.Award award = FormInput.parseEnum(Commendations.Award.class, in.award(), "award",
				"奖项应为 OUTSTANDING_MEMBER（优秀共产党员）、OUTSTANDING_PARTY_WORKER（优秀党务工作者）或 ADVANCED_ORGANIZATION（先进基层党组织）",
				problems, true);
		Commendations.Level level = FormInput.parseEnum(Commendations.Level.class, in.level(), "level",
				"级别应为 TOWNSHIP、COUNTY、CITY 或 PROVINCE", problems, true);
		Long memberId = Ids.parseOptional(in.memberId(), "memberId", "党员");
		Long organizationId = Ids.parseOptional(in.organizationId(), "organizationId", "党组织");
		if (award != null) {
			if (award.forMember() && (memberId == null || organizationId != null)) {
				problems.add(new FieldProblem("memberId", award.label() + "须推荐一名党员（填写 memberId，不填 organizationId）"));
			}
			if (!award.forMember() && (organizationId == null || memberId != null)) {
				problems.add(new FieldProblem("organizationId",
						award.label() + "须推荐一个党组织（填写 organizationId，不填 memberId）"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("推荐信息填写有误", problems);
		}
		if (memberId != null) {
			scope.requireMember(memberId);
		}
		else {
			scope.requireOrganization(organizationId);
		}
		return new Parsed(year, award, level, memberId, organizationId);
	}

	private Check check(Parsed p) {
		long county = scope.current().caller().countyId();
		RuleSettings rules = settings.forCountyYear(county, p.year());
		CommendationPolicy policy = new CommendationPolicy(rules);
		if (p.memberId() != null) {
			String name = jdbc.sql("SELECT name FROM member WHERE id = :m").param("m", p.memberId())
				.query(String.class).single();
			return new Check(name, policy.member(memberFacts(p.memberId(), p.year(), rules)));
		}
		OrgRef org = organizations.ref(p.organizationId()).orElseThrow(() -> new NotFoundException("党组织不存在"));
		return new Check(org.name(), policy.organization(organizationFacts(org, p.year())));
	}

	CommendationPolicy.MemberFacts memberFacts(long memberId, int year, RuleSettings rules) {
		VanguardService.Standing standing = vanguard.standing(memberId, year);
		YearMonth asOf = arrearsAsOf(year);
		Arrears arrears = new ArrearsPolicy(rules).assess(dues.ledgerOf(memberId), asOf);
		return new CommendationPolicy.MemberFacts(year, standing.indexed(), standing.index(), standing.warning(),
				standing.vetoReasons(), arrears.consecutiveUnpaidMonths(), asOf.toString(),
				disqualifiedBranches(memberId, year));
	}

	/** December of the year, or the last ended month while the year runs. */
	YearMonth arrearsAsOf(int year) {
		YearMonth last = YearMonth.now(clock).minusMonths(1);
		YearMonth december = YearMonth.of(year, 12);
		return last.isBefore(december) ? last : december;
	}

	/**
	 * Branches disqualified from the year's awards by accountability whose secretary in one of its missed months
	 * (the holder on the month's last day, from the offices) was the member: the secretary who answers for them.
	 */
	private List<String> disqualifiedBranches(long memberId, int year) {
		long root = organizations.rootId().orElseThrow();
		AccountabilityService.Report report = accountability.computeUnchecked(root, year);
		Map<Long, List<YearMonth>> missed = new LinkedHashMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		for (AccountabilityService.Item item : report.items()) {
			if (item.awardsDisqualified()) {
				long branch = Long.parseLong(item.organizationId());
				missed.put(branch, item.missedMonths().stream().map(YearMonth::parse).toList());
				names.put(branch, item.organizationName());
			}
		}
		List<String> branches = new ArrayList<>();
		String member = Long.toString(memberId);
		offices.secretariesOfMonths(missed).forEach((branch, byMonth) -> {
			if (byMonth.values().stream().anyMatch(h -> h.memberId().equals(member))) {
				branches.add(names.get(branch));
			}
		});
		return branches;
	}

	CommendationPolicy.OrganizationFacts organizationFacts(OrgRef org, int year) {
		List<String> missed = new ArrayList<>();
		for (AccountabilityService.Item item : accountability.computeUnchecked(org.id(), year).items()) {
			for (String month : item.missedMonths()) {
				missed.add(org.id() == Long.parseLong(item.organizationId()) ? month : item.organizationName() + " " + month);
			}
		}
		return new CommendationPolicy.OrganizationFacts(year, missed, weakAndLax.isListed(org.id(), year),
				stars.confirmedStars(org.id(), year));
	}

	private int year(Integer year) {
		int current = LocalDate.now(clock).getYear();
		if (year == null) {
			return current;
		}
		if (year < 2000 || year > current) {
			throw InvalidInputException.of("year", "年度应在2000到" + current + "之间");
		}
		return year;
	}
}
