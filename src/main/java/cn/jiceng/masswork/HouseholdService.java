package cn.jiceng.masswork;

import static cn.jiceng.settings.RuleCatalog.HOUSEHOLD_VISITS_PER_YEAR;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.member.PhoneNumber;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people's-sentiment ledger (民情信息库, "一本账"): households per village with their tags, the cadres' visits
 * (民情日记, 五问) and the yearly coverage with the households still under the required visits. Cadres write here
 * in their organization's subtree, like secretaries and administrators; inspectors read, members never see it.
 */
@Service
class HouseholdService {

	/** Who records households, visits and errands (API.md conventions: a CADRE writes these in its subtree). */
	static final Set<Role> WRITERS = Set.of(Role.CADRE, Role.BRANCH_SECRETARY, Role.TOWNSHIP_ADMIN, Role.COUNTY_ADMIN);

	/**
	 * Roles that see households' phones in full: those who visit and serve them. Inspectors read the ledger to check
	 * the work and see phones masked like a member's (138****5678).
	 */
	static final Set<Role> SEES_PERSONAL_DATA = WRITERS;

	public record HouseholdInput(String head, String address, String group, String phone, List<String> tags) {
	}

	public record Household(String id, String organizationId, String organizationName, String head, String address,
			String group, String phone, List<HouseholdTag> tags, int visitsThisYear, int version) {
	}

	public record VisitInput(String on, String visitorMemberId, String notes, List<String> questions, String findings,
			String followUp) {
	}

	public record Visit(String id, String householdId, String head, LocalDate on, String visitorMemberId,
			String visitorName, List<FiveQuestion> questions, String notes, String findings, String followUp) {
	}

	public record UnderVisited(String householdId, String head, String organizationId, String organizationName,
			long visits) {
	}

	public record Coverage(int year, int requiredVisits, long households, long visitedEnough, Double rate,
			List<UnderVisited> underVisited) {
	}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final Clock clock;

	HouseholdService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public Household create(long organizationId, HouseholdInput in) {
		OrgRef org = requireWriterOf(organizationId);
		List<FieldProblem> problems = new ArrayList<>();
		Valid v = validate(in, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("农户信息填写有误", problems);
		}
		return household(insert(org, v));
	}

	/** A household's checked fields, ready to insert. */
	record Valid(String head, String address, String group, String phone, List<HouseholdTag> tags) {
	}

	/** Checks a household's fields, adding every problem; the result is only meaningful when none was added. */
	static Valid validate(HouseholdInput in, List<FieldProblem> problems) {
		String head = text(in.head(), "head", "户主姓名", 50, true, problems);
		String address = text(in.address(), "address", "住址", 200, true, problems);
		String group = text(in.group(), "group", "村民小组", 50, false, problems);
		String phone = FormInput.blankToNull(in.phone());
		if (phone != null) {
			PhoneNumber.problem(phone).ifPresent(p -> problems.add(new FieldProblem("phone", p)));
		}
		return new Valid(head, address, group, phone, tags(in.tags(), problems));
	}

	long insert(OrgRef org, Valid v) {
		long id = jdbc.sql("""
				INSERT INTO household (county_id, organization_id, head, address, group_name, phone, tags, recorded_by)
				VALUES (:c, :o, :head, :address, :group, :phone, CAST(string_to_array(:tags, ',') AS VARCHAR(20)[]), :by)
				RETURNING id""")
			.param("c", org.countyId())
			.param("o", org.id())
			.param("head", v.head())
			.param("address", v.address())
			.param("group", v.group())
			.param("phone", v.phone())
			.param("tags", String.join(",", v.tags().stream().map(Enum::name).toList()))
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", org.id());
		fields.put("head", v.head());
		fields.put("address", v.address());
		fields.put("group", v.group());
		fields.put("phone", v.phone() == null ? null : PhoneNumber.mask(v.phone()));
		fields.put("tags", v.tags().stream().map(Enum::name).toList());
		audit.record("Household", id, org.id(), "CREATE", AuditTrail.created(fields));
		return id;
	}

	/** Every household of the subtree, for the export; phones as the caller may see them. */
	@Transactional(readOnly = true)
	public List<Household> all(long organizationId) {
		OrgRef org = requireReader(organizationId);
		return jdbc.sql(SELECT + " WHERE o.path LIKE :prefix ORDER BY o.path, h.group_name NULLS LAST, h.head, h.id")
			.param("prefix", org.path() + "%")
			.param("year", LocalDate.now(clock).getYear())
			.query(this::map)
			.list();
	}

	/** The households of the subtree, by head's name; {@code q} searches head, address and group. */
	@Transactional(readOnly = true)
	public PageResult<Household> list(long organizationId, String q, PageRequest page) {
		OrgRef org = requireReader(organizationId);
		String query = FormInput.blankToNull(q);
		String where = " WHERE o.path LIKE :prefix" + (query == null ? ""
				: " AND (h.head LIKE :q OR h.address LIKE :q OR coalesce(h.group_name, '') LIKE :q)");
		long total = jdbc.sql("SELECT count(*) FROM household h JOIN organization o ON o.id = h.organization_id" + where)
			.param("prefix", org.path() + "%")
			.params(query == null ? Map.of() : Map.of("q", "%" + escapeLike(query) + "%"))
			.query(Long.class)
			.single();
		List<Household> items = jdbc.sql(SELECT + where + " ORDER BY o.path, h.group_name NULLS LAST, h.head, h.id"
				+ " LIMIT :size OFFSET :offset")
			.param("prefix", org.path() + "%")
			.params(query == null ? Map.of() : Map.of("q", "%" + escapeLike(query) + "%"))
			.param("year", LocalDate.now(clock).getYear())
			.param("size", page.size())
			.param("offset", page.offset())
			.query(this::map)
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	@Transactional(readOnly = true)
	public Household find(long householdId) {
		Household h = household(householdId);
		scope.requireOrganization(Long.parseLong(h.organizationId()));
		return h;
	}

	@Transactional
	public Visit recordVisit(long householdId, VisitInput in) {
		Household h = household(householdId);
		long organizationId = Long.parseLong(h.organizationId());
		OrgRef org = requireWriterOf(organizationId);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = date(in.on(), "on", "走访日期", problems);
		Long visitor = Ids.parseOptional(in.visitorMemberId(), "visitorMemberId", "党员");
		if (visitor == null) {
			visitor = scope.current().caller().memberId();
		}
		// an account without a member (most cadre accounts) records its own visit: recorded_by names it
		if (visitor != null && !memberOfCounty(visitor, org.countyId())) {
			problems.add(new FieldProblem("visitorMemberId", "走访干部不存在"));
		}
		String notes = text(in.notes(), "notes", "走访记录", 2000, false, problems);
		String findings = text(in.findings(), "findings", "发现的问题和诉求", 2000, false, problems);
		String followUp = text(in.followUp(), "followUp", "后续跟进", 1000, false, problems);
		List<FiveQuestion> questions = new ArrayList<>();
		for (String code : in.questions() == null ? List.<String>of() : in.questions()) {
			FiveQuestion fq = FormInput.enumOrNull(FiveQuestion.class, code);
			if (fq == null) {
				problems.add(new FieldProblem("questions", "五问应为 THINKING、HOPING、DOING、WORRYING、NEEDING 之一"));
			}
			else if (!questions.contains(fq)) {
				questions.add(fq);
			}
		}
		if (notes == null && findings == null && problems.stream().noneMatch(p -> p.field().equals("notes"))) {
			problems.add(new FieldProblem("notes", "请填写走访记录（所问所见）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("走访记录填写有误", problems);
		}
		if (on.isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("走访日期不能晚于今天");
		}
		long id = jdbc.sql("""
				INSERT INTO household_visit (county_id, household_id, visited_on, visitor_member_id, questions, notes,
				    findings, follow_up, recorded_by)
				VALUES (:c, :h, :on, :v, CAST(string_to_array(:q, ',') AS VARCHAR(20)[]), :notes, :findings, :follow, :by)
				RETURNING id""")
			.param("c", org.countyId())
			.param("h", householdId)
			.param("on", on)
			.param("v", visitor)
			.param("q", String.join(",", questions.stream().map(Enum::name).toList()))
			.param("notes", notes)
			.param("findings", findings)
			.param("follow", followUp)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("householdId", householdId);
		fields.put("on", on);
		fields.put("visitorMemberId", visitor);
		fields.put("questions", questions.stream().map(Enum::name).toList());
		fields.put("notes", notes);
		fields.put("findings", findings);
		fields.put("followUp", followUp);
		audit.record("HouseholdVisit", id, organizationId, "CREATE", AuditTrail.created(fields));
		return visits("v.id = :id", Map.of("id", id)).get(0);
	}

	@Transactional(readOnly = true)
	public List<Visit> visitsOf(long householdId) {
		find(householdId);
		return visits("v.household_id = :h", Map.of("h", householdId));
	}

	/** 民情日记: the visits the caller made (as its member, or recorded by its account), newest first. */
	@Transactional(readOnly = true)
	public List<Visit> diary(int limit) {
		var cond = scope.organizationCondition("o");
		Map<String, Object> params = new LinkedHashMap<>(cond.params());
		Long member = scope.current().caller().memberId();
		params.put("m", member == null ? -1L : member);
		params.put("by", scope.current().caller().username());
		return visits("(v.visitor_member_id = :m OR v.recorded_by = :by) AND " + cond.sql()
				+ " ORDER BY v.visited_on DESC, v.id DESC LIMIT " + Math.max(1, limit), params);
	}

	/** API.md visit-coverage: the subtree's households, those visited enough in the year, and the others. */
	@Transactional(readOnly = true)
	public Coverage coverage(long organizationId, int year) {
		OrgRef org = requireReader(organizationId);
		int required = settings.forCountyYear(org.countyId(), year).get(HOUSEHOLD_VISITS_PER_YEAR);
		VisitCoverage rule = new VisitCoverage(required);
		List<UnderVisited> under = new ArrayList<>();
		long[] counts = new long[2];
		jdbc.sql("""
				SELECT h.id, h.head, o.id, o.name, count(v.id)
				FROM household h JOIN organization o ON o.id = h.organization_id
				LEFT JOIN household_visit v ON v.household_id = h.id AND v.visited_on BETWEEN :from AND :to
				WHERE o.path LIKE :prefix
				GROUP BY h.id, h.head, o.id, o.name, o.path, h.group_name
				ORDER BY count(v.id), o.path, h.group_name NULLS LAST, h.head, h.id""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.param("prefix", org.path() + "%")
			.query((ResultSet rs) -> {
				long visits = rs.getLong(5);
				counts[0]++;
				if (rule.enough(visits)) {
					counts[1]++;
				}
				else {
					under.add(new UnderVisited(Long.toString(rs.getLong(1)), rs.getString(2),
							Long.toString(rs.getLong(3)), rs.getString(4), visits));
				}
			});
		return new Coverage(year, required, counts[0], counts[1], VisitCoverage.rate(counts[1], counts[0]), under);
	}

	/** Households and those visited enough per child organization (and the organization itself first). */
	public record CoverageRow(String organizationId, String name, long households, long visitedEnough, Double rate) {
	}

	@Transactional(readOnly = true)
	public List<CoverageRow> coverageByChild(long organizationId, int year) {
		OrgRef org = requireReader(organizationId);
		int required = settings.forCountyYear(org.countyId(), year).get(HOUSEHOLD_VISITS_PER_YEAR);
		return jdbc.sql("""
				WITH per AS (
				    SELECT h.id, o.path, (SELECT count(*) FROM household_visit v WHERE v.household_id = h.id
				                          AND v.visited_on BETWEEN :from AND :to) AS visits
				    FROM household h JOIN organization o ON o.id = h.organization_id
				    WHERE o.path LIKE :prefix)
				SELECT c.id, c.name, count(per.id), count(per.id) FILTER (WHERE per.visits >= :required)
				FROM organization c LEFT JOIN per ON per.path LIKE c.path || '%'
				WHERE c.id = :o OR c.parent_id = :o
				GROUP BY c.id, c.name, c.path
				ORDER BY c.id <> :o, c.path""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.param("prefix", org.path() + "%")
			.param("required", required)
			.param("o", organizationId)
			.query((rs, i) -> new CoverageRow(Long.toString(rs.getLong(1)), rs.getString(2), rs.getLong(3),
					rs.getLong(4), VisitCoverage.rate(rs.getLong(4), rs.getLong(3))))
			.list();
	}

	boolean seesPersonalData() {
		return SEES_PERSONAL_DATA.contains(scope.current().caller().role());
	}

	OrgRef requireWriterOf(long organizationId) {
		scope.requireWriter(WRITERS);
		return requireReader(organizationId);
	}

	OrgRef requireReader(long organizationId) {
		scope.requireOrganization(organizationId);
		return organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
	}

	boolean memberOfCounty(long memberId, long countyId) {
		return jdbc.sql("SELECT count(*) FROM member WHERE id = :m AND county_id = :c")
			.param("m", memberId)
			.param("c", countyId)
			.query(Long.class)
			.single() > 0;
	}

	private Household household(long id) {
		return jdbc.sql(SELECT + " WHERE h.id = :id")
			.param("id", id)
			.param("year", LocalDate.now(clock).getYear())
			.query(this::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("农户不存在或不在您的管理范围内"));
	}

	private List<Visit> visits(String where, Map<String, ?> params) {
		return jdbc.sql("""
				SELECT v.id, v.household_id, h.head, v.visited_on, v.visitor_member_id, m.name, v.questions, v.notes,
				       v.findings, v.follow_up
				FROM household_visit v JOIN household h ON h.id = v.household_id
				JOIN organization o ON o.id = h.organization_id
				LEFT JOIN member m ON m.id = v.visitor_member_id
				WHERE """ + " " + where)
			.params(params)
			.query((rs, i) -> new Visit(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)), rs.getString(3),
					rs.getObject(4, LocalDate.class), Ids.str(rs.getObject(5, Long.class)), rs.getString(6),
					codes(rs.getArray(7), FiveQuestion.class), rs.getString(8), rs.getString(9), rs.getString(10)))
			.list();
	}

	private static final String SELECT = """
			SELECT h.id, h.organization_id, o.name, h.head, h.address, h.group_name, h.phone, h.tags, h.version,
			       (SELECT count(*) FROM household_visit v WHERE v.household_id = h.id
			        AND v.visited_on BETWEEN make_date(:year, 1, 1) AND make_date(:year, 12, 31)) AS visits
			FROM household h JOIN organization o ON o.id = h.organization_id""";

	private Household map(ResultSet rs, int i) throws SQLException {
		String phone = rs.getString(7);
		return new Household(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6),
				phone == null || seesPersonalData() ? phone : PhoneNumber.mask(phone),
				codes(rs.getArray(8), HouseholdTag.class), rs.getInt(10), rs.getInt(9));
	}

	static <E extends Enum<E>> List<E> codes(Array array, Class<E> type) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(o -> Enum.valueOf(type, (String) o)).toList();
	}

	private static List<HouseholdTag> tags(List<String> raw, List<FieldProblem> problems) {
		Set<HouseholdTag> tags = new LinkedHashSet<>();
		for (String code : raw == null ? List.<String>of() : raw) {
			HouseholdTag t = FormInput.enumOrNull(HouseholdTag.class, code);
			if (t == null) {
				problems.add(new FieldProblem("tags",
						"标签应为 POOR（脱贫户）、LOW_INCOME（低保户）、LEFT_BEHIND（留守）、ELDERLY_ALONE（独居老人）、DISABLED（残疾）"));
			}
			else {
				tags.add(t);
			}
		}
		return List.copyOf(tags);
	}

	static String text(String value, String field, String label, int max, boolean required,
			List<FieldProblem> problems) {
		String v = FormInput.blankToNull(value);
		if (v == null) {
			if (required) {
				problems.add(new FieldProblem(field, "请填写" + label));
			}
			return null;
		}
		if (v.length() > max) {
			problems.add(new FieldProblem(field, label + "不能超过" + max + "个字"));
		}
		return v;
	}

	static LocalDate date(String value, String field, String label, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "请填写" + label));
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, label + "格式应为YYYY-MM-DD"));
			return null;
		}
	}

	private static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
