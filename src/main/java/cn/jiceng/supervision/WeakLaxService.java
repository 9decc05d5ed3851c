package cn.jiceng.supervision;

import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_CLOSING_COMPLIANT_MONTHS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.common.WeakLaxCriterion;
import cn.jiceng.organization.MemberRoll;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.orglife.ComplianceService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weak-and-lax rectification (软弱涣散, 三点三帮; SPEC.md §4.8, API.md "Responsibility and supervision"): the yearly
 * candidate run over every {@link WeakLaxCriterion} bean, the county's confirmation with the three helpers, the help
 * measures and the stages up to 销号. Writes lock the listed row; the list is unique per organization and year.
 */
@Service
class WeakLaxService {

	static final Set<Role> READERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.INSPECTOR);
	static final Set<Role> ADVANCERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
	static final Set<Role> MEASURE_WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final ComplianceService compliance;
	private final RuleSettingsService settings;
	private final ObjectProvider<WeakLaxCriterion> criteria;
	private final MemberRoll roll;
	private final Clock clock;

	WeakLaxService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			ComplianceService compliance, RuleSettingsService settings, ObjectProvider<WeakLaxCriterion> criteria,
			MemberRoll roll, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.compliance = compliance;
		this.settings = settings;
		this.criteria = criteria;
		this.roll = roll;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private int year(Integer param, int maxAhead) {
		int current = today().getYear();
		int year = param == null ? current : param;
		if (year < 2000 || year > current + maxAhead) {
			throw InvalidInputException.of("year", "年度应在2000到" + (current + maxAhead) + "之间");
		}
		return year;
	}

	// ---- the candidate run ----------------------------------------------------------------------------------

	public record CriterionView(String code, String label, String message, String note) {
	}

	public record CandidateView(String organizationId, String name, String path, List<CriterionView> criteria,
			String listedId, WeakLaxStatus listedStatus) {
	}

	/** A criterion bean and what it explains on the candidates page. */
	public record CriterionInfo(String code, String label) {
	}

	public record Candidates(int year, List<CandidateView> items, List<CriterionInfo> criteria) {
	}

	@Transactional(readOnly = true)
	public Candidates candidates(long organizationId, Integer yearParam) {
		scope.requireOrganization(organizationId);
		scope.requireWriter(READERS);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int year = year(yearParam, 0);
		Map<String, Map<Long, String>> matches = run(org.path(), year, null);
		record Org(long id, String name, String path) {
		}
		Set<Long> ids = new LinkedHashSet<>();
		matches.values().forEach(m -> ids.addAll(m.keySet()));
		Map<Long, Org> orgs = new LinkedHashMap<>();
		Map<Long, String[]> listed = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, name, path FROM organization WHERE id IN (:ids) AND path LIKE :prefix ORDER BY path")
				.param("ids", ids)
				.param("prefix", org.path() + "%")
				.query((rs, i) -> new Org(rs.getLong(1), rs.getString(2), rs.getString(3)))
				.list()
				.forEach(o -> orgs.put(o.id(), o));
			jdbc.sql("SELECT organization_id, id, status FROM weak_lax WHERE organization_id IN (:ids) AND year = :y")
				.param("ids", ids)
				.param("y", year)
				.query(rs -> {
					listed.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
				});
		}
		matches.values().forEach(m -> m.keySet().retainAll(orgs.keySet()));
		List<CandidateView> items = new ArrayList<>();
		for (WeakLaxPolicy.Candidate c : WeakLaxPolicy.candidates(matches, new ArrayList<>(orgs.keySet()))) {
			Org o = orgs.get(c.organizationId());
			String[] l = listed.get(o.id());
			items.add(new CandidateView(Long.toString(o.id()), o.name(), o.path(),
					c.criteria().stream().map(k -> new CriterionView(k.code(), k.label(), k.message(), null)).toList(),
					l == null ? null : l[0], l == null ? null : WeakLaxStatus.valueOf(l[1])));
		}
		List<CriterionInfo> info = beans().stream()
			.map(b -> new CriterionInfo(b.code(), WeakLaxPolicy.label(b.code())))
			.sorted((a, b) -> WeakLaxPolicy.CODE_ORDER.compare(a.code(), b.code()))
			.toList();
		return new Candidates(year, items, info);
	}

	private List<WeakLaxCriterion> beans() {
		return criteria.orderedStream().toList();
	}

	/** Every criterion (or only {@code codes}) asked over the subtree of {@code path}. */
	private Map<String, Map<Long, String>> run(String path, int year, Set<String> codes) {
		Map<String, Map<Long, String>> matches = new LinkedHashMap<>();
		LocalDate today = today();
		for (WeakLaxCriterion c : beans()) {
			if (codes == null || codes.contains(c.code())) {
				matches.computeIfAbsent(c.code(), k -> new LinkedHashMap<>()).putAll(c.matches(path, year, today));
			}
		}
		return matches;
	}

	// ---- confirmation ---------------------------------------------------------------------------------------

	public record ConfirmInput(Integer year, String organizationId, List<Object> criteria, String note,
			String countyLeaderMemberId, String townshipSecretaryMemberId, String residentCadreMemberId) {
	}

	public record MeasureView(String id, LocalDate on, WeakLaxMeasureKind kind, String kindLabel, String note,
			String recordedBy) {
	}

	public record Item(String id, String organizationId, String name, int year, WeakLaxStatus status,
			String statusLabel, List<CriterionView> criteria, String countyLeaderMemberId, String countyLeaderName,
			String townshipSecretaryMemberId, String townshipSecretaryName, String residentCadreMemberId,
			String residentCadreName, LocalDate transformedOn, LocalDate consolidatedOn, LocalDate closedOn,
			List<MeasureView> measures, int version) {
	}

	/**
	 * The county lists an organization for a year. Automatic criteria must be met by the run now (their reason is
	 * kept as it reads today); anything else is {@code MANUAL} with a note (an item of the national list).
	 */
	@Transactional
	public Item confirm(ConfirmInput in) {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN));
		long county = scope.current().caller().countyId();
		List<FieldProblem> problems = new ArrayList<>();
		Integer year = in == null ? null : in.year();
		int current = today().getYear();
		if (year == null) {
			problems.add(new FieldProblem("year", "请填写年度"));
		}
		else if (year < 2000 || year > current) {
			problems.add(new FieldProblem("year", "年度应在2000到" + current + "之间"));
			year = null;
		}
		Long orgId = Inputs.id(in == null ? null : in.organizationId(), "organizationId", "党组织", problems);
		OrgRef org = null;
		if (orgId != null) {
			scope.requireOrganization(orgId);
			org = organizations.ref(orgId).orElseThrow(() -> new NotFoundException("党组织不存在"));
			if (org.kind() == OrgKind.GROUP) {
				problems.add(new FieldProblem("organizationId", "党小组不列入软弱涣散党组织名单"));
			}
		}
		Long leader = helper(in == null ? null : in.countyLeaderMemberId(), "countyLeaderMemberId", "挂点县级领导",
				county, problems);
		Long secretary = helper(in == null ? null : in.townshipSecretaryMemberId(), "townshipSecretaryMemberId",
				"联点乡镇党委书记", county, problems);
		Long cadre = helper(in == null ? null : in.residentCadreMemberId(), "residentCadreMemberId", "驻点乡镇干部",
				county, problems);
		Map<String, String> notes = new LinkedHashMap<>();
		List<Object> raw = in == null || in.criteria() == null ? List.of() : in.criteria();
		for (int k = 0; k < raw.size(); k++) {
			Object c = raw.get(k);
			String code = c instanceof String s ? s.strip() : c instanceof Map<?, ?> m && m.get("code") != null
					? m.get("code").toString().strip() : null;
			String note = c instanceof Map<?, ?> m && m.get("note") != null ? m.get("note").toString() : null;
			if (code == null || code.isEmpty()) {
				problems.add(new FieldProblem("criteria[" + k + "]", "认定条件不能为空"));
				continue;
			}
			notes.put(code, note);
		}
		if (raw.isEmpty()) {
			problems.add(new FieldProblem("criteria", "请至少选择一项认定条件"));
		}
		Set<String> automatic = new LinkedHashSet<>();
		beans().forEach(b -> automatic.add(b.code()));
		String manualNote = null;
		for (String code : notes.keySet()) {
			if (code.equals(WeakLaxPolicy.MANUAL)) {
				manualNote = Inputs.text(notes.get(code) != null ? notes.get(code) : in.note(), "note", "人工认定的情形",
						500, true, problems);
			}
			else if (!automatic.contains(code) && !WeakLaxPolicy.KNOWN.contains(code)) {
				problems.add(new FieldProblem("criteria", "未知的认定条件：" + code));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("软弱涣散党组织认定填写有误", problems);
		}
		Set<String> wanted = new LinkedHashSet<>(notes.keySet());
		wanted.remove(WeakLaxPolicy.MANUAL);
		Map<String, Map<Long, String>> matches = run(org.path(), year, wanted);
		Map<String, String> messages = new LinkedHashMap<>();
		List<String> unmet = new ArrayList<>();
		for (String code : wanted) {
			String message = matches.getOrDefault(code, Map.of()).get(orgId);
			if (message == null) {
				unmet.add("“" + WeakLaxPolicy.label(code) + "”");
			}
			else {
				messages.put(code, message);
			}
		}
		if (!unmet.isEmpty()) {
			throw new RuleViolationException(org.name() + year + "年不符合排查条件" + String.join("、", unmet)
					+ "；其他情形请选择人工认定并说明");
		}
		List<Long> inserted = jdbc.sql("""
				INSERT INTO weak_lax (county_id, organization_id, year, county_leader_member_id,
				                      township_secretary_member_id, resident_cadre_member_id, confirmed_by)
				VALUES (:c, :o, :y, :l, :s, :r, :by)
				ON CONFLICT (county_id, organization_id, year) DO NOTHING RETURNING id""")
			.param("c", county)
			.param("o", orgId)
			.param("y", year)
			.param("l", leader)
			.param("s", secretary)
			.param("r", cadre)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.list();
		if (inserted.isEmpty()) {
			throw new ConflictException(org.name() + "已列入" + year + "年软弱涣散党组织名单");
		}
		long id = inserted.get(0);
		if (manualNote != null) {
			messages.put(WeakLaxPolicy.MANUAL, WeakLaxPolicy.manualMessage(manualNote));
		}
		for (var e : messages.entrySet()) {
			jdbc.sql("""
					INSERT INTO weak_lax_criterion (county_id, weak_lax_id, code, message, note)
					VALUES (:c, :w, :code, :m, :n)""")
				.param("c", county)
				.param("w", id)
				.param("code", e.getKey())
				.param("m", e.getValue())
				.param("n", e.getKey().equals(WeakLaxPolicy.MANUAL) ? manualNote : null)
				.update();
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("year", year);
		fields.put("organizationId", orgId);
		fields.put("criteria", new ArrayList<>(messages.values()));
		fields.put("countyLeaderMemberId", leader);
		fields.put("townshipSecretaryMemberId", secretary);
		fields.put("residentCadreMemberId", cadre);
		fields.put("status", WeakLaxStatus.RECTIFYING.name());
		audit.record("WeakLax", id, orgId, "CREATE", AuditTrail.created(fields));
		return item(id);
	}

	private Long helper(String raw, String field, String label, long county, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			problems.add(new FieldProblem(field, WeakLaxPolicy.helperMissing(label, null)));
			return null;
		}
		Long id = Inputs.id(raw, field, label, problems);
		if (id != null && jdbc.sql("SELECT count(*) FROM member WHERE id = :m AND county_id = :c")
			.param("m", id)
			.param("c", county)
			.query(Long.class)
			.single() == 0) {
			problems.add(new FieldProblem(field, label + "不存在"));
			return null;
		}
		return id;
	}

	// ---- measures and stages --------------------------------------------------------------------------------

	public record MeasureInput(String on, String kind, String note) {
	}

	public record AdvanceInput(String to, Integer version) {
	}

	private record Row(long id, long countyId, long organizationId, String name, int year, WeakLaxStatus status,
			int version) {
	}

	private Row row(long id, boolean lock) {
		if (lock) {
			jdbc.sql("SELECT id FROM weak_lax WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		}
		return jdbc.sql("""
				SELECT w.id, w.county_id, w.organization_id, o.name, w.year, w.status, w.version
				FROM weak_lax w JOIN organization o ON o.id = w.organization_id WHERE w.id = :id""")
			.param("id", id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
					WeakLaxStatus.valueOf(rs.getString(6)), rs.getInt(7)))
			.optional()
			.orElseThrow(() -> new NotFoundException("软弱涣散党组织记录不存在"));
	}

	/** The listed organization in the caller's scope (else 404). */
	private Row visible(long id) {
		Row row = row(id, false);
		if (!scope.coversOrganization(row.organizationId())) {
			throw new NotFoundException("软弱涣散党组织记录不存在或不在您的管理范围内");
		}
		return row;
	}

	@Transactional
	public MeasureView measure(long id, MeasureInput in) {
		visible(id);
		scope.requireWriter(MEASURE_WRITERS);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = Inputs.date(in == null ? null : in.on(), "on", "帮扶日期", true, problems);
		if (on != null && on.isAfter(today())) {
			problems.add(new FieldProblem("on", "帮扶日期不能晚于今天"));
		}
		WeakLaxMeasureKind kind = FormInput.parseEnum(WeakLaxMeasureKind.class, in == null ? null : in.kind(), "kind",
				"帮扶类型应为 STRENGTHEN_TEAM（帮强班子）、GROW_INDUSTRY（帮大产业）或 ENRICH_PEOPLE（帮富群众）", problems, true);
		String note = Inputs.text(in == null ? null : in.note(), "note", "帮扶措施", 1000, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("帮扶措施填写有误", problems);
		}
		Row row = row(id, true);
		if (row.status() == WeakLaxStatus.CLOSED) {
			throw new ConflictException(row.name() + "已销号，不再登记帮扶措施");
		}
		String by = scope.current().caller().username();
		long measureId = jdbc.sql("""
				INSERT INTO weak_lax_measure (county_id, weak_lax_id, taken_on, kind, note, recorded_by)
				VALUES (:c, :w, :d, :k, :n, :by) RETURNING id""")
			.param("c", row.countyId())
			.param("w", id)
			.param("d", on)
			.param("k", kind.name())
			.param("n", note)
			.param("by", by)
			.query(Long.class)
			.single();
		audit.record("WeakLaxMeasure", measureId, row.organizationId(), "CREATE",
				AuditTrail.created(Map.of("weakLaxId", id, "on", on, "kind", kind.name(), "note", note)));
		return new MeasureView(Long.toString(measureId), on, kind, kind.label(), note, by);
	}

	/**
	 * The next stage: township or county for 转化 and 巩固, the county for 销号, which also needs every branch of the
	 * subtree compliant in each of the latest {@code weakLaxClosingCompliantMonths} ended months.
	 */
	@Transactional
	public Item advance(long id, AdvanceInput in) {
		visible(id);
		scope.requireWriter(ADVANCERS);
		WeakLaxStatus to = FormInput.enumOrNull(WeakLaxStatus.class, in == null ? null : in.to());
		if (to == null) {
			throw InvalidInputException.of("to", "目标阶段应为 TRANSFORMED（已转化）、CONSOLIDATED（已巩固）或 CLOSED（已销号）");
		}
		if (to == WeakLaxStatus.CLOSED && scope.current().caller().role() != Role.COUNTY_ADMIN) {
			throw new ForbiddenException("销号须由县委组织部确认");
		}
		Row row = row(id, true);
		if (in.version() != null && in.version() != row.version()) {
			throw new ConflictException("该记录已被他人修改，请刷新后重试");
		}
		switch (WeakLaxPolicy.step(row.status(), to)) {
			case ALREADY -> throw new ConflictException(row.name() + "已是“" + to.label() + "”阶段");
			case OUT_OF_ORDER -> throw new RuleViolationException(WeakLaxPolicy.outOfOrderReason(row.status(), to));
			case NEXT -> {
			}
		}
		LocalDate today = today();
		if (to == WeakLaxStatus.CLOSED) {
			String refusal = WeakLaxPolicy.closingRefusal(closingCompliance(row, today));
			if (refusal != null) {
				throw new RuleViolationException(refusal);
			}
		}
		String column = switch (to) {
			case TRANSFORMED -> "transformed_on";
			case CONSOLIDATED -> "consolidated_on";
			default -> "closed_on";
		};
		jdbc.sql("UPDATE weak_lax SET status = :s, " + column + " = :d, version = version + 1 WHERE id = :id")
			.param("s", to.name())
			.param("d", today)
			.param("id", id)
			.update();
		audit.record("WeakLax", id, row.organizationId(), "ADVANCE",
				AuditTrail.diff(Map.of("status", row.status().name()), Map.of("status", to.name())));
		return item(id);
	}

	private List<WeakLaxPolicy.MonthCompliance> closingCompliance(Row row, LocalDate today) {
		int n = settings.forCountyYear(row.countyId(), today.getYear()).get(WEAK_LAX_CLOSING_COMPLIANT_MONTHS);
		List<YearMonth> months = WeakLaxPolicy.closingMonths(today, n);
		Map<YearMonth, ComplianceService.Report> reports = new HashMap<>();
		for (int y = months.get(0).getYear(); y <= months.get(months.size() - 1).getYear(); y++) {
			compliance.computeYear(row.organizationId(), y).forEach(r -> reports.put(r.month(), r));
		}
		List<WeakLaxPolicy.MonthCompliance> result = new ArrayList<>();
		for (YearMonth m : months) {
			ComplianceService.Report r = reports.get(m);
			result.add(new WeakLaxPolicy.MonthCompliance(m, r.branches(), r.items()
				.stream()
				.filter(b -> !b.compliant())
				.map(ComplianceService.BranchResult::organizationName)
				.toList()));
		}
		return result;
	}

	// ---- reading --------------------------------------------------------------------------------------------

	public record Ledger(int year, List<Item> items) {
	}

	@Transactional(readOnly = true)
	public Ledger list(long organizationId, Integer yearParam) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int year = year(yearParam, 0);
		List<Long> ids = jdbc.sql("""
				SELECT w.id FROM weak_lax w JOIN organization o ON o.id = w.organization_id
				WHERE w.county_id = :c AND w.year = :y AND o.path LIKE :prefix ORDER BY o.path""")
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.query(Long.class)
			.list();
		return new Ledger(year, items(ids));
	}

	@Transactional(readOnly = true)
	public Item get(long id) {
		visible(id);
		return item(id);
	}

	private Item item(long id) {
		return items(List.of(id)).get(0);
	}

	private List<Item> items(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<CriterionView>> criteria = new HashMap<>();
		jdbc.sql("SELECT weak_lax_id, code, message, note FROM weak_lax_criterion WHERE weak_lax_id IN (:ids)")
			.param("ids", ids)
			.query(rs -> {
				criteria.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new CriterionView(rs.getString(2), WeakLaxPolicy.label(rs.getString(2)), rs.getString(3),
							rs.getString(4)));
			});
		criteria.values().forEach(l -> l.sort((a, b) -> WeakLaxPolicy.CODE_ORDER.compare(a.code(), b.code())));
		Map<Long, List<MeasureView>> measures = new HashMap<>();
		jdbc.sql("""
				SELECT weak_lax_id, id, taken_on, kind, note, recorded_by FROM weak_lax_measure
				WHERE weak_lax_id IN (:ids) ORDER BY taken_on, id""")
			.param("ids", ids)
			.query(rs -> {
				WeakLaxMeasureKind kind = WeakLaxMeasureKind.valueOf(rs.getString(4));
				measures.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new MeasureView(rs.getString(2), rs.getObject(3, LocalDate.class), kind, kind.label(),
							rs.getString(5), rs.getString(6)));
			});
		Map<Long, Item> byId = new HashMap<>();
		jdbc.sql("""
				SELECT w.id, w.organization_id, o.name, w.year, w.status, w.county_leader_member_id, l.name,
				       w.township_secretary_member_id, s.name, w.resident_cadre_member_id, r.name,
				       w.transformed_on, w.consolidated_on, w.closed_on, w.version
				FROM weak_lax w JOIN organization o ON o.id = w.organization_id
				JOIN member l ON l.id = w.county_leader_member_id JOIN member s ON s.id = w.township_secretary_member_id
				JOIN member r ON r.id = w.resident_cadre_member_id
				WHERE w.id IN (:ids)""")
			.param("ids", ids)
			.query(rs -> {
				long id = rs.getLong(1);
				WeakLaxStatus status = WeakLaxStatus.valueOf(rs.getString(5));
				byId.put(id, new Item(Long.toString(id), rs.getString(2), rs.getString(3), rs.getInt(4), status,
						status.label(), criteria.getOrDefault(id, List.of()), rs.getString(6), rs.getString(7),
						rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
						rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class),
						rs.getObject(14, LocalDate.class), measures.getOrDefault(id, List.of()), rs.getInt(15)));
			});
		return ids.stream().map(byId::get).toList();
	}

	/** Whether an organization is on a year's list, whatever its stage (the stars cap and commendations read it). */
	@Transactional(readOnly = true)
	public boolean isListed(long organizationId, int year) {
		return jdbc.sql("SELECT count(*) FROM weak_lax WHERE organization_id = :o AND year = :y")
			.param("o", organizationId)
			.param("y", year)
			.query(Long.class)
			.single() > 0;
	}

	/** Members of the county whose name contains the text, to pick the helpers by name (never by raw id). */
	@Transactional(readOnly = true)
	public List<Map.Entry<String, String>> memberChoices(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT m.id, m.name, o.name FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE m.county_id = :c AND m.name LIKE :q AND\s""" + roll.sqlOnRoll("m.status")
				+ " ORDER BY m.name, o.path LIMIT 20")
			.param("c", scope.current().caller().countyId())
			.param("q", "%" + text.strip().replace("%", "").replace("_", "") + "%")
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2) + "（" + rs.getString(3) + "）"))
			.list();
	}

}
