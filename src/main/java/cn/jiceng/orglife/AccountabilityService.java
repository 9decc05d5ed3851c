package cn.jiceng.orglife;

import static cn.jiceng.settings.RuleCatalog.AGENCY_MISSED_THEMED_DAYS_FOR_DISQUALIFICATION;
import static cn.jiceng.settings.RuleCatalog.RURAL_MISSED_THEMED_DAY_DEDUCTION_YUAN;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
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
import cn.jiceng.organization.Field;
import cn.jiceng.organization.OfficeService;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secretary accountability (棒打支书法) over a subtree, and the themed-day exemptions a higher organization grants.
 * One query gathers, per branch, the months with a themed day, the exempted months and the first day the branch
 * had a member; {@link AccountabilityPolicy} decides per branch.
 */
@Service
public class AccountabilityService {

	/** Roles that may grant an exemption, always from an organization above the branch. */
	static final Set<Role> GRANTORS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final MeetingReads meetings;
	private final RuleSettingsService settings;
	private final YearClosing years;
	private final OrgLifePdf pdf;
	private final Clock clock;
	private final OfficeService offices;

	AccountabilityService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			MeetingReads meetings, RuleSettingsService settings, YearClosing years, OrgLifePdf pdf, Clock clock,
			OfficeService offices) {
		this.jdbc = jdbc;
		this.offices = offices;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.meetings = meetings;
		this.settings = settings;
		this.years = years;
		this.pdf = pdf;
		this.clock = clock;
	}

	// ---- exemptions -----------------------------------------------------------------------------------------

	public record ExemptionInput(YearMonth month, String reason) {
	}

	public record ExemptionView(String id, String organizationId, String organizationName, YearMonth month,
			String reason, String grantedByOrganizationId, String grantedByOrganizationName, String grantedBy,
			OffsetDateTime grantedAt) {
	}

	@Transactional
	public ExemptionView grant(long branchId, ExemptionInput in) {
		scope.requireOrganization(branchId);
		OrgRef branch = meetings.requireBranch(branchId);
		Caller caller = scope.current().caller();
		requireHigherOrganization(caller, branch);
		List<FieldProblem> problems = new ArrayList<>();
		if (in.month() == null) {
			problems.add(new FieldProblem("month", "请填写免责月份（YYYY-MM）"));
		}
		String reason = FormInput.blankToNull(in.reason());
		if (reason == null || reason.length() > 500) {
			problems.add(new FieldProblem("reason", "请填写免责理由（不超过500字）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("免责申请不正确", problems);
		}
		if (years.isClosed(branch.countyId(), in.month().getYear()) && caller.role() != Role.COUNTY_ADMIN) {
			throw new ForbiddenException(in.month().getYear() + "年度已关账，仅县级管理员可修改该年度记录");
		}
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO themed_day_exemption (county_id, organization_id, month, reason, granted_by_org, granted_by)
					VALUES (:c, :b, :m, :r, :o, :by) RETURNING id""")
				.param("c", branch.countyId())
				.param("b", branchId)
				.param("m", in.month().atDay(1))
				.param("r", reason)
				.param("o", caller.organizationId())
				.param("by", caller.username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(in.month() + " 已批准免责");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", branchId);
		fields.put("month", in.month());
		fields.put("reason", reason);
		fields.put("grantedByOrganizationId", caller.organizationId());
		audit.record("ThemedDayExemption", id, branchId, "CREATE", AuditTrail.created(fields));
		return exemption(id);
	}

	@Transactional
	public void revoke(long exemptionId) {
		ExemptionView e = exemption(exemptionId);
		long branchId = Long.parseLong(e.organizationId());
		scope.requireOrganization(branchId);
		OrgRef branch = organizations.ref(branchId).orElseThrow();
		Caller caller = scope.current().caller();
		requireHigherOrganization(caller, branch);
		if (years.isClosed(branch.countyId(), e.month().getYear()) && caller.role() != Role.COUNTY_ADMIN) {
			throw new ForbiddenException(e.month().getYear() + "年度已关账，仅县级管理员可修改该年度记录");
		}
		jdbc.sql("DELETE FROM themed_day_exemption WHERE id = :id").param("id", exemptionId).update();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", branchId);
		fields.put("month", e.month());
		fields.put("reason", e.reason());
		audit.record("ThemedDayExemption", exemptionId, branchId, "DELETE", AuditTrail.diff(fields, Map.of()));
	}

	/** Exemptions of the subtree's branches in a year. */
	@Transactional(readOnly = true)
	public List<ExemptionView> exemptions(long organizationId, int year) {
		scope.requireOrganization(organizationId);
		return jdbc.sql(SELECT_EXEMPTION + """
				WHERE o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'
				  AND e.month BETWEEN :from AND :to ORDER BY e.month, o.path""")
			.param("root", organizationId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 1))
			.query(AccountabilityService::mapExemption)
			.list();
	}

	/**
	 * Whether the caller may grant exemptions at all: a granting role in an organization that holds branches.
	 * Which branches it may grant for is checked per grant ({@link #requireHigherOrganization}).
	 */
	@Transactional(readOnly = true)
	public boolean callerMayGrant() {
		Caller caller = scope.current().caller();
		return GRANTORS.contains(caller.role()) && organizations.ref(caller.organizationId())
			.map(o -> o.kind().canHold(OrgKind.BRANCH))
			.orElse(false);
	}

	private void requireHigherOrganization(Caller caller, OrgRef branch) {
		if (!GRANTORS.contains(caller.role())) {
			throw new ForbiddenException("当前角色（" + caller.role().label() + "）不能批准主题党日免责");
		}
		String callerPath = scope.current().pathPrefix();
		if (!(branch.path().startsWith(callerPath) && !branch.path().equals(callerPath))) {
			throw new ForbiddenException("主题党日免责须由上级党组织批准，本支部不能自行批准");
		}
	}

	private ExemptionView exemption(long id) {
		return jdbc.sql(SELECT_EXEMPTION + " WHERE e.id = :id")
			.param("id", id)
			.query(AccountabilityService::mapExemption)
			.optional()
			.orElseThrow(() -> new NotFoundException("免责记录不存在"));
	}

	private static final String SELECT_EXEMPTION = """
			SELECT e.id, e.organization_id, o.name, e.month, e.reason, e.granted_by_org, g.name AS granted_org_name,
			       e.granted_by, e.granted_at
			FROM themed_day_exemption e JOIN organization o ON o.id = e.organization_id
			JOIN organization g ON g.id = e.granted_by_org
			""";

	private static ExemptionView mapExemption(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new ExemptionView(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"),
				YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getString("reason"),
				rs.getString("granted_by_org"), rs.getString("granted_org_name"), rs.getString("granted_by"),
				rs.getObject("granted_at", OffsetDateTime.class));
	}

	// ---- accountability -------------------------------------------------------------------------------------

	/**
	 * API item; {@code secretaries} names who answers for the missed months: the secretary of each missed month from
	 * the leadership offices (the holder on its last day), or, where no office is recorded, the members bound to the
	 * branch's secretary accounts (or is empty).
	 */
	public record Item(String organizationId, String organizationName, Field field, String fieldLabel,
			String townshipName, List<String> missedMonths, List<String> exemptedMonths, BigDecimal deductionYuan,
			boolean awardsDisqualified, boolean onCountyBulletin, List<String> secretaries, List<String> reasons) {
	}

	public record Report(String organizationId, String organizationName, int year, int branchesAssessed,
			BigDecimal totalDeductionYuan, int disqualified, List<Item> items) {
	}

	@Transactional(readOnly = true)
	public Report report(long organizationId, int year) {
		scope.requireOrganization(organizationId);
		FourColorService.checkYear(year);
		return compute(organizationId, year, LocalDate.now(clock));
	}

	/**
	 * The accountability of a subtree for a year without scope checks, for other modules' rules (commendations);
	 * the caller has checked what it may see of the answer.
	 */
	@Transactional(readOnly = true)
	public Report computeUnchecked(long organizationId, int year) {
		return compute(organizationId, year, LocalDate.now(clock));
	}

	Report compute(long organizationId, int year, LocalDate today) {
		OrgRef root = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		record Row(long id, String name, Field field, String path, String held, String exempted, LocalDate firstMember,
				String secretaries, String township) {
		}
		String sql = "WITH " + MembershipSql.stays("m.county_id = :c") + """

				SELECT b.id, b.name, b.field, b.path,
				       (SELECT string_agg(DISTINCT to_char(mt.held_on, 'YYYY-MM'), ',') FROM meeting mt
				        WHERE mt.organization_id = b.id AND mt.type = 'THEMED_DAY' AND mt.held_on BETWEEN :from AND :to) AS held,
				       (SELECT string_agg(to_char(e.month, 'YYYY-MM'), ',') FROM themed_day_exemption e
				        WHERE e.organization_id = b.id AND e.month BETWEEN :from AND :to) AS exempted,
				       (SELECT min(s.from_on) FROM stay s WHERE s.branch_id = b.id AND s.from_on <= :to
				        AND (s.to_on IS NULL OR s.to_on > :from)) AS first_member,
				       (SELECT string_agg(coalesce(mb.name, a.username), '、' ORDER BY a.id) FROM account a
				        LEFT JOIN member mb ON mb.id = a.member_id
				        WHERE a.organization_id = b.id AND a.role = 'BRANCH_SECRETARY' AND a.enabled) AS secretaries,
				       (SELECT t.name FROM organization t WHERE t.depth = 1 AND b.path LIKE t.path || '%' AND t.id <> b.id) AS township
				FROM organization b
				WHERE b.kind = 'BRANCH' AND b.path LIKE :prefix
				ORDER BY b.path""";
		List<Row> rows = jdbc.sql(sql)
			.param("c", root.countyId())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.param("prefix", root.path() + "%")
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getString("name"), Field.valueOf(rs.getString("field")),
					rs.getString("path"), rs.getString("held"), rs.getString("exempted"),
					rs.getObject("first_member", LocalDate.class), rs.getString("secretaries"),
					rs.getString("township")))
			.list();
		AccountabilityPolicy policy = new AccountabilityPolicy(settings.forCountyYear(root.countyId(), year));
		List<AccountabilityPolicy.Assessment> assessments = new ArrayList<>();
		Map<Long, List<YearMonth>> missedByBranch = new LinkedHashMap<>();
		for (Row r : rows) {
			AccountabilityPolicy.Assessment a = null;
			if (r.firstMember() != null) {
				YearMonth first = YearMonth.from(r.firstMember());
				YearMonth january = YearMonth.of(year, 1);
				a = policy.assess(r.field(), year, months(r.held()).stream().map(m -> m.atDay(1)).toList(),
						months(r.exempted()), today, first.isBefore(january) ? january : first);
				if (a.listed()) {
					missedByBranch.put(r.id(), a.missedMonths());
				}
			}
			assessments.add(a);
		}
		Map<Long, Map<YearMonth, OfficeService.Holder>> secretaryOfMonth = offices.secretariesOfMonths(missedByBranch);
		List<Item> items = new ArrayList<>();
		int assessed = 0;
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		int disqualified = 0;
		for (int k = 0; k < rows.size(); k++) {
			Row r = rows.get(k);
			AccountabilityPolicy.Assessment a = assessments.get(k);
			if (a == null) {
				continue; // a branch without members in the year cannot hold a themed day
			}
			assessed++;
			if (!a.listed()) {
				continue;
			}
			BigDecimal deduction = BigDecimal.valueOf(a.deductionYuan()).setScale(2);
			total = total.add(deduction);
			if (a.awardsDisqualified()) {
				disqualified++;
			}
			items.add(new Item(Long.toString(r.id()), r.name(), r.field(), r.field().label(), r.township(),
					a.missedMonths().stream().map(YearMonth::toString).toList(),
					a.exemptedMonths().stream().map(YearMonth::toString).toList(), deduction, a.awardsDisqualified(),
					a.onCountyBulletin(), answering(secretaryOfMonth.getOrDefault(r.id(), Map.of()), r.secretaries()),
					a.reasons()));
		}
		return new Report(Long.toString(organizationId), root.name(), year, assessed, total, disqualified, items);
	}

	private static List<String> answering(Map<YearMonth, OfficeService.Holder> secretaryOfMonth, String accounts) {
		List<String> names = secretaryOfMonth.values().stream().map(OfficeService.Holder::name).distinct().toList();
		if (!names.isEmpty()) {
			return names;
		}
		return accounts == null ? List.of() : List.of(accounts.split("、"));
	}

	/** The bulletin (通报) of {@link #report} as a printable PDF. */
	@Transactional(readOnly = true)
	public byte[] bulletinPdf(long organizationId, int year) {
		Report report = report(organizationId, year);
		LocalDate today = LocalDate.now(clock);
		OrgRef org = organizations.ref(organizationId).orElseThrow();
		// The document is issued by the organization that asked for it, in its name: the county's organization
		// department posts a county bulletin, a township committee a bulletin to its branches, a branch only gets a
		// notice of its own record (it has no one below it to notify).
		boolean county = org.parentId() == null;
		boolean notice = org.kind() == cn.jiceng.organization.OrgKind.BRANCH || org.kind() == cn.jiceng.organization.OrgKind.GROUP;
		String issuer = county ? org.name() + "组织部" : org.name();
		List<Item> rural = report.items().stream().filter(i -> i.field() == Field.RURAL).toList();
		List<Item> agency = report.items().stream().filter(i -> i.field() == Field.AGENCY).toList();
		List<Item> others = report.items().stream()
			.filter(i -> i.field() != Field.RURAL && i.field() != Field.AGENCY)
			.toList();
		var rules = settings.forCountyYear(org.countyId(), year);
		boolean whole = YearMonth.of(year, 12).isBefore(YearMonth.from(today));
		String period = whole ? year + "年度" : year + "年1月至" + YearMonth.from(today).minusMonths(1).getMonthValue() + "月";
		String rule = "按照“棒打支书法”要求，农村党组织书记无故不组织、不主持主题党日的，每少一次扣除当年基本报酬"
				+ rules.get(RURAL_MISSED_THEMED_DAY_DEDUCTION_YUAN) + "元，并在全县通报；机关党组织书记全年少组织主题党日"
				+ rules.get(AGENCY_MISSED_THEMED_DAYS_FOR_DISQUALIFICATION) + "次及以上的，取消当年评优评先资格。经上级党组织批准免责的月份不计。";
		Map<String, Object> model = new java.util.HashMap<>();
		model.put("issuer", issuer);
		model.put("intro", rule);
		if (notice) {
			model.put("documentKind", "告知书");
			model.put("title", "关于" + org.name() + year + "年度主题党日开展情况的告知书");
			model.put("summary", report.items().isEmpty() ? "经核查，" + period + "本支部每月均按要求开展了主题党日。"
					: "经核查，" + period + "本支部有" + report.items().get(0).missedMonths().size()
							+ "个月未开展主题党日，具体情况如下：");
			model.put("closing", "请支部委员会对照上述情况认真查找原因，及时补齐短板，确保主题党日“每月一次、雷打不动”。");
		}
		else {
			model.put("documentKind", "通报");
			model.put("title", "关于" + (county ? "" : org.name()) + year + "年度主题党日“棒打支书”情况的通报");
			model.put("summary", "经统计，" + period + (county ? "全县" : "本乡镇（单位）") + "共核查党支部"
					+ report.branchesAssessed() + "个，少组织主题党日的" + report.items().size() + "个，其中农村党组织" + rural.size()
					+ "个，合计扣减基本报酬" + report.totalDeductionYuan().toPlainString() + "元；机关党组织书记取消评优评先资格"
					+ report.disqualified() + "人。现将有关情况通报如下：");
			model.put("closing", "各级党组织要以此为戒，严格落实主题党日制度，确保“每月一次、雷打不动”。被通报的党组织书记要深刻反思，认真整改。");
		}
		model.put("ruralHeading", county ? "农村党组织书记少组织主题党日情况（扣减基本报酬并全县通报）"
				: notice ? "少组织主题党日情况" : "农村党组织书记少组织主题党日情况（扣减基本报酬）");
		model.put("notice", notice);
		model.put("rural", notice ? report.items() : rural);
		model.put("agency", agency);
		model.put("others", others);
		model.put("date", today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
		return pdf.render("accountability", model);
	}

	private static List<YearMonth> months(String csv) {
		if (csv == null || csv.isBlank()) {
			return List.of();
		}
		return Arrays.stream(csv.split(",")).map(YearMonth::parse).toList();
	}
}
