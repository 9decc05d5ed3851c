package cn.jiceng.publicity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care funds (关心关爱法, SPEC.md §4.10, API.md "Learning, publicity and care"): any organization may hold one;
 * contributions come in by source, disbursements go out by reason to a member of the fund's subtree and need a
 * township-or-higher account (that account's booking is the approval). Every movement locks the fund's row first and
 * books against the balance read under that lock, so concurrent disbursements can never take it below zero.
 */
@Service
class CareFundService {

	static final Set<Role> CONTRIBUTORS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);
	static final Set<Role> APPROVERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final Clock clock;

	CareFundService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.clock = clock;
	}

	public record ContributionInput(String on, String source, Object amount, String donor) {
	}

	public record DisbursementInput(String on, String memberId, String reason, Object amount, String note) {
	}

	public record MovementView(String id, MovementKind kind, LocalDate on, BigDecimal amount, CareSource source,
			CareReason reason, String memberId, String memberName, String donor, String note, String recordedBy) {

		public String kindLabel() {
			return kind.label();
		}

		public String what() {
			return kind == MovementKind.CONTRIBUTION ? source.label() : reason.label();
		}
	}

	public record FundView(String organizationId, String organizationName, int year, BigDecimal balance,
			BigDecimal contributed, BigDecimal disbursed, BigDecimal openingBalance, List<MovementView> items) {
	}

	@Transactional
	public MovementView contribute(long organizationId, ContributionInput in) {
		OrgRef org = writable(organizationId, CONTRIBUTORS);
		List<FieldProblem> problems = new ArrayList<>();
		ContributionInput i = in == null ? new ContributionInput(null, null, null, null) : in;
		LocalDate on = Inputs.date(i.on(), "on", "日期", problems);
		CareSource source = Inputs.code(CareSource.class, i.source(), "source",
				"资金来源应为 CROWDFUNDING、RETAINED_REWARD、DUES_RETURN 或 DONATION", problems);
		BigDecimal amount = Inputs.amount(i.amount(), "amount", problems);
		String donor = Inputs.text(i.donor(), "donor", "捐助人", 100, false, problems);
		checkNotFuture(on, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("关爱基金收入填写有误", problems);
		}
		long fund = lockFund(org);
		long id = book(org, fund, MovementKind.CONTRIBUTION, on, amount, source, null, null, donor, null);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("on", on.toString());
		after.put("source", source.name());
		after.put("amount", amount.toPlainString());
		if (donor != null) {
			after.put("donor", donor);
		}
		audit.record("CareFundContribution", id, organizationId, "CREATE", AuditTrail.created(after));
		return movement(id);
	}

	@Transactional
	public MovementView disburse(long organizationId, DisbursementInput in) {
		OrgRef org = writable(organizationId, APPROVERS);
		List<FieldProblem> problems = new ArrayList<>();
		DisbursementInput i = in == null ? new DisbursementInput(null, null, null, null, null) : in;
		LocalDate on = Inputs.date(i.on(), "on", "日期", problems);
		Long member = Inputs.id(i.memberId(), "memberId", "慰问对象", true, problems);
		CareReason reason = Inputs.code(CareReason.class, i.reason(), "reason",
				"支出事由应为 ILLNESS、HARDSHIP 或 FUNERAL", problems);
		BigDecimal amount = Inputs.amount(i.amount(), "amount", problems);
		String note = Inputs.text(i.note(), "note", "备注", 500, false, problems);
		checkNotFuture(on, problems);
		if (member != null && !memberInSubtree(member, org)) {
			problems.add(new FieldProblem("memberId", "慰问对象应是本组织（含下级）的党员"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("关爱基金支出填写有误", problems);
		}
		long fund = lockFund(org);
		BigDecimal balance = balance(fund);
		CareFundPolicy.Decision decision = CareFundPolicy.disburse(balance, amount);
		if (!decision.allowed()) {
			throw new RuleViolationException(decision.reason());
		}
		long id = book(org, fund, MovementKind.DISBURSEMENT, on, amount, null, reason, member, null, note);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("on", on.toString());
		after.put("memberId", member.toString());
		after.put("reason", reason.name());
		after.put("amount", amount.toPlainString());
		after.put("balanceBefore", balance.toPlainString());
		if (note != null) {
			after.put("note", note);
		}
		audit.record("CareFundDisbursement", id, organizationId, "CREATE", AuditTrail.created(after));
		return movement(id);
	}

	@Transactional(readOnly = true)
	public FundView fund(long organizationId, Integer year) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<FieldProblem> problems = new ArrayList<>();
		int y = Inputs.year(year, LocalDate.now(clock).getYear(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("查询条件有误", problems);
		}
		Long fund = jdbc.sql("SELECT id FROM care_fund WHERE county_id = :c AND organization_id = :o")
			.param("c", org.countyId())
			.param("o", org.id())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (fund == null) {
			return new FundView(Long.toString(org.id()), org.name(), y, zero(), zero(), zero(), zero(), List.of());
		}
		List<MovementView> items = jdbc.sql(SELECT_MOVEMENT
				+ " WHERE f.fund_id = :f AND f.moved_on >= :from AND f.moved_on < :to ORDER BY f.moved_on, f.id")
			.param("f", fund)
			.param("from", LocalDate.of(y, 1, 1))
			.param("to", LocalDate.of(y + 1, 1, 1))
			.query(CareFundService::map)
			.list();
		BigDecimal opening = jdbc.sql("""
				SELECT coalesce(sum(CASE WHEN kind = 'CONTRIBUTION' THEN amount ELSE -amount END), 0)
				FROM care_fund_movement WHERE fund_id = :f AND moved_on < :from""")
			.param("f", fund)
			.param("from", LocalDate.of(y, 1, 1))
			.query(BigDecimal.class)
			.single();
		BigDecimal in = zero();
		BigDecimal out = zero();
		for (MovementView m : items) {
			if (m.kind() == MovementKind.CONTRIBUTION) {
				in = in.add(m.amount());
			}
			else {
				out = out.add(m.amount());
			}
		}
		return new FundView(Long.toString(org.id()), org.name(), y, balance(fund), in, out, opening.setScale(2), items);
	}

	/** The year's ledger as rows for the workbook: opening balance, every movement with the running balance. */
	@Transactional(readOnly = true)
	public List<List<Object>> ledgerRows(FundView view) {
		List<List<Object>> rows = new ArrayList<>();
		BigDecimal running = view.openingBalance();
		rows.add(List.of(view.year() + "-01-01", "上年结转", "", "", "", "", "", running, ""));
		for (MovementView m : view.items()) {
			running = CareFundPolicy.after(running, m.kind(), m.amount());
			boolean in = m.kind() == MovementKind.CONTRIBUTION;
			rows.add(List.of(m.on().toString(), m.kindLabel(), m.what(), m.memberName() == null ? "" : m.memberName(),
					m.donor() == null ? "" : m.donor(), in ? m.amount() : "", in ? "" : m.amount(), running,
					m.note() == null ? "" : m.note()));
		}
		rows.add(List.of("", "本年合计", "", "", "", view.contributed(), view.disbursed(), running, ""));
		return rows;
	}

	static final List<String> LEDGER_HEAD = List.of("日期", "收支", "来源/事由", "慰问对象", "捐助人", "收入（元）", "支出（元）",
			"余额（元）", "备注");

	private OrgRef writable(long organizationId, Set<Role> roles) {
		scope.requireOrganization(organizationId);
		scope.requireWriter(roles);
		return organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
	}

	private void checkNotFuture(LocalDate on, List<FieldProblem> problems) {
		if (on != null && on.isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem("on", "日期不能晚于今天"));
		}
	}

	private boolean memberInSubtree(long member, OrgRef org) {
		return jdbc.sql("""
				SELECT count(*) FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE m.id = :m AND m.county_id = :c AND o.path LIKE :prefix""")
			.param("m", member)
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.query(Long.class)
			.single() > 0;
	}

	/** The fund's id, its row locked until the transaction ends; created on first use. */
	private long lockFund(OrgRef org) {
		jdbc.sql("""
				INSERT INTO care_fund (county_id, organization_id) VALUES (:c, :o)
				ON CONFLICT (county_id, organization_id) DO NOTHING""")
			.param("c", org.countyId())
			.param("o", org.id())
			.update();
		return jdbc.sql("SELECT id FROM care_fund WHERE county_id = :c AND organization_id = :o FOR UPDATE")
			.param("c", org.countyId())
			.param("o", org.id())
			.query(Long.class)
			.single();
	}

	private BigDecimal balance(long fund) {
		return jdbc.sql("SELECT balance FROM care_fund WHERE id = :f").param("f", fund).query(BigDecimal.class).single();
	}

	private long book(OrgRef org, long fund, MovementKind kind, LocalDate on, BigDecimal amount, CareSource source,
			CareReason reason, Long member, String donor, String note) {
		long id = jdbc.sql("""
				INSERT INTO care_fund_movement (county_id, fund_id, kind, moved_on, amount, source, donor, reason, member_id,
				                                note, recorded_by)
				VALUES (:c, :f, :k, :on, :a, :s, :d, :r, :m, :n, :by) RETURNING id""")
			.param("c", org.countyId())
			.param("f", fund)
			.param("k", kind.name())
			.param("on", on)
			.param("a", amount)
			.param("s", source == null ? null : source.name())
			.param("d", donor)
			.param("r", reason == null ? null : reason.name())
			.param("m", member)
			.param("n", note)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE care_fund SET balance = :b, version = version + 1 WHERE id = :f")
			.param("b", CareFundPolicy.after(balance(fund), kind, amount))
			.param("f", fund)
			.update();
		return id;
	}

	private static final String SELECT_MOVEMENT = """
			SELECT f.id, f.kind, f.moved_on, f.amount, f.source, f.reason, f.member_id, m.name, f.donor, f.note,
			       f.recorded_by
			FROM care_fund_movement f LEFT JOIN member m ON m.id = f.member_id""";

	private MovementView movement(long id) {
		return jdbc.sql(SELECT_MOVEMENT + " WHERE f.id = :id").param("id", id).query(CareFundService::map).single();
	}

	private static MovementView map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		String source = rs.getString(5);
		String reason = rs.getString(6);
		Object member = rs.getObject(7);
		return new MovementView(Long.toString(rs.getLong(1)), MovementKind.valueOf(rs.getString(2)),
				rs.getObject(3, LocalDate.class), rs.getBigDecimal(4).setScale(2),
				source == null ? null : CareSource.valueOf(source), reason == null ? null : CareReason.valueOf(reason),
				member == null ? null : member.toString(), rs.getString(8), rs.getString(9), rs.getString(10),
				rs.getString(11));
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}
}
