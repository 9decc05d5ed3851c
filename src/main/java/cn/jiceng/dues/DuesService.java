package cn.jiceng.dues;

import java.util.Arrays;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.common.FormInput;
import cn.jiceng.member.MemberStatus;
import cn.jiceng.common.SqlCodes;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member's dues: bases by effective month, payments by month, and the month-by-month ledger built from them.
 * Writes lock the member row first, so two clerks recording the same month cannot both see it unpaid.
 */
@Service
public class DuesService {

	/** Who records bases and payments: the branch secretary and the admins above, each inside their scope. */
	static final Set<Role> COLLECTORS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	/**
	 * Members from whom dues are expected. 停止党籍 suspends the member's rights and duties, dues included, so
	 * suspended members are neither asked for dues nor counted in arrears or collection rates.
	 */
	static final String DUES_MEMBER = SqlCodes.in("m.status",
			Arrays.stream(MemberStatus.values()).filter(DuesService::owesDues).toList());

	static boolean owesDues(MemberStatus status) {
		return status.onRoll() && status != MemberStatus.SUSPENDED;
	}

	/** 第十一条: a single voluntary payment of this much or more goes entirely to the Centre. */
	static final BigDecimal VOLUNTARY_TO_CENTRE_AT = new BigDecimal("1000");

	private static final BigDecimal MAX_BASE = new BigDecimal("10000000");
	private static final BigDecimal MAX_PAYMENT = new BigDecimal("1000000");
	private static final int MAX_MONTHS_AHEAD_FOR_BASE = 12;
	private static final int MAX_BULK = 500;

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final RuleSettingsService settings;
	private final Clock clock;
	private final TransactionTemplate rowTransaction;
	private final DuesPolicy policy = new DuesPolicy(DuesRates.defaults());

	DuesService(JdbcClient jdbc, DataScope scope, AuditTrail audit, RuleSettingsService settings, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.rowTransaction = new TransactionTemplate(transactions);
	}

	record MemberRow(long id, long countyId, String name, long organizationId, String organizationName, String status,
			LocalDate joinedOn) {

		boolean onRoll() {
			return MemberStatus.valueOf(status).onRoll();
		}
	}

	public record BaseRequest(String effectiveMonth, String category, BigDecimal base, BigDecimal fixedAmount) {
	}

	public record BaseView(String memberId, YearMonth effectiveMonth, DuesCategory category, String categoryLabel,
			BigDecimal base, BigDecimal fixedAmount, BigDecimal rate, BigDecimal monthlyDue, String reason,
			String recordedBy, OffsetDateTime recordedAt, boolean replaced) {
	}

	/** Sets the base from a month on; a second entry for the same month replaces the first (both audited). */
	@Transactional
	public BaseView setBase(long memberId, BaseRequest req) {
		scope.requireWriter(COLLECTORS);
		scope.requireMember(memberId);
		MemberRow m = lockMember(memberId);
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth month = Inputs.month(req.effectiveMonth(), "effectiveMonth", "生效月份", problems);
		DuesCategory category = FormInput.parseEnum(DuesCategory.class, req.category(), "category",
				"党费交纳类别应为 PAYROLL、ANNUAL_SALARY、SELF_EMPLOYED、RETIRED、FARMER、STUDENT、UNEMPLOYED、RELIEF 或 LOW_INCOME",
				problems, true);
		YearMonth current = YearMonth.now(clock);
		if (month != null) {
			YearMonth joined = YearMonth.from(m.joinedOn());
			if (month.isBefore(joined)) {
				// 预备党员 pay from the month the branch assembly accepted them.
				problems.add(new FieldProblem("effectiveMonth", "生效月份不能早于入党月份" + joined));
			}
			else if (month.isAfter(current.plusMonths(MAX_MONTHS_AHEAD_FOR_BASE))) {
				problems.add(new FieldProblem("effectiveMonth", "生效月份不能晚于" + current.plusMonths(MAX_MONTHS_AHEAD_FOR_BASE)));
			}
		}
		if (req.base() != null && req.base().abs().compareTo(MAX_BASE) > 0) {
			problems.add(new FieldProblem("base", "党费计算基数超出合理范围"));
		}
		MonthlyDue due = null;
		if (category != null && problems.stream().noneMatch(p -> p.field().equals("base"))) {
			due = policy.monthlyDue(category, req.base(), req.fixedAmount());
			if (due.refused()) {
				String field = switch (category.basis()) {
					case WORKING_SCALE, RETIRED_SCALE -> "base";
					case BRANCH_SET_AMOUNT -> "fixedAmount";
					case REDUCED_AMOUNT -> "category";
				};
				problems.add(new FieldProblem(field, due.reason()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("党费基数信息不正确", problems);
		}
		if (!m.onRoll()) {
			throw new RuleViolationException("该党员已" + statusLabel(m.status()) + "，不能核定党费基数");
		}
		BigDecimal base = category.baseRated() ? due.base() : null;
		BigDecimal fixed = category.basis() == DuesCategory.Basis.BRANCH_SET_AMOUNT ? due.amount() : null;
		String actor = scope.current().caller().username();
		Map<String, Object> before = bases(memberId).stream()
			.filter(b -> b.effectiveMonth().equals(month))
			.findFirst()
			.map(DuesService::snapshot)
			.orElse(null);
		if (before == null) {
			jdbc.sql("""
					INSERT INTO dues_base (county_id, member_id, effective_month, category, base, fixed_amount, rate,
					                       monthly_due, recorded_by)
					VALUES (:c, :m, :month, :cat, :base, :fixed, :rate, :due, :by)""")
				.param("c", m.countyId())
				.param("m", memberId)
				.param("month", month.atDay(1))
				.param("cat", category.name())
				.param("base", base)
				.param("fixed", fixed)
				.param("rate", due.rate())
				.param("due", due.amount())
				.param("by", actor)
				.update();
		}
		else {
			jdbc.sql("""
					UPDATE dues_base SET category = :cat, base = :base, fixed_amount = :fixed, rate = :rate, monthly_due = :due,
					       recorded_by = :by, recorded_at = now(), version = version + 1
					WHERE member_id = :m AND effective_month = :month""")
				.param("m", memberId)
				.param("month", month.atDay(1))
				.param("cat", category.name())
				.param("base", base)
				.param("fixed", fixed)
				.param("rate", due.rate())
				.param("due", due.amount())
				.param("by", actor)
				.update();
		}
		BaseView saved = bases(memberId).stream().filter(b -> b.effectiveMonth().equals(month)).findFirst().orElseThrow();
		Map<String, Object> changes = before == null ? AuditTrail.created(snapshot(saved))
				: AuditTrail.diff(before, snapshot(saved));
		audit.record("MemberDues", memberId, m.organizationId(), before == null ? "SET_DUES_BASE" : "REPLACE_DUES_BASE",
				changes);
		return new BaseView(saved.memberId(), saved.effectiveMonth(), saved.category(), saved.categoryLabel(),
				saved.base(), saved.fixedAmount(), saved.rate(), saved.monthlyDue(), due.reason(), saved.recordedBy(),
				saved.recordedAt(), before != null);
	}

	@Transactional(readOnly = true)
	public List<BaseView> baseHistory(long memberId) {
		scope.requireMember(memberId);
		return bases(memberId);
	}

	private List<BaseView> bases(long memberId) {
		return jdbc.sql("""
				SELECT member_id, effective_month, category, base, fixed_amount, rate, monthly_due, recorded_by, recorded_at
				FROM dues_base WHERE member_id = :m ORDER BY effective_month""")
			.param("m", memberId)
			.query((rs, i) -> {
				DuesCategory c = DuesCategory.valueOf(rs.getString("category"));
				BigDecimal rate = rs.getBigDecimal("rate");
				return new BaseView(rs.getString("member_id"), YearMonth.from(rs.getObject("effective_month", LocalDate.class)),
						c, c.label(), rs.getBigDecimal("base"), rs.getBigDecimal("fixed_amount"),
						rate == null ? null : rate.stripTrailingZeros(), rs.getBigDecimal("monthly_due"),
						reasonOf(c, rs.getBigDecimal("base"), rs.getBigDecimal("fixed_amount")), rs.getString("recorded_by"),
						rs.getObject("recorded_at", OffsetDateTime.class), false);
			})
			.list();
	}

	private String reasonOf(DuesCategory c, BigDecimal base, BigDecimal fixed) {
		MonthlyDue d = policy.monthlyDue(c, base, fixed);
		return d.reason();
	}

	private static Map<String, Object> snapshot(BaseView b) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("effectiveMonth", b.effectiveMonth());
		s.put("category", b.category());
		s.put("base", b.base());
		s.put("fixedAmount", b.fixedAmount());
		s.put("monthlyDue", b.monthlyDue());
		return s;
	}

	public record PaymentRequest(String month, BigDecimal amount, String paidOn, String channel, Boolean voluntary) {
	}

	/**
	 * A payment, and after it the state of the month it paid for. {@code voluntaryExtra} is what went beyond the
	 * month's due; {@code toCentre} marks a voluntary extra of 1000 yuan or more (第十一条).
	 */
	public record PaymentView(String id, String memberId, YearMonth month, BigDecimal amount, LocalDate paidOn,
			PaymentChannel channel, String channelLabel, boolean voluntary, String recordedBy, OffsetDateTime recordedAt,
			BigDecimal monthDue, BigDecimal monthPaid, PaymentStatus monthStatus, BigDecimal voluntaryExtra,
			boolean toCentre, String window) {
	}

	/**
	 * A payment for one month. A month already paid in full takes more only as a declared voluntary payment
	 * (voluntary: true); otherwise it is refused with 409 as the duplicate entry it almost always is.
	 */
	@Transactional
	public PaymentView recordPayment(long memberId, PaymentRequest req) {
		scope.requireWriter(COLLECTORS);
		scope.requireMember(memberId);
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth month = Inputs.month(req.month(), "month", "所交月份", problems);
		LocalDate paidOn = Inputs.date(req.paidOn(), "paidOn", "交纳日期", problems);
		PaymentChannel channel = FormInput.parseEnum(PaymentChannel.class, req.channel(), "channel",
				"交纳方式应为 CASH（现金）、BANK（银行转账）或 MOBILE_APP（手机客户端）", problems, true);
		checkAmount(req.amount(), problems);
		checkPaidOn(paidOn, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("党费交纳信息不正确", problems);
		}
		MemberRow m = lockMember(memberId);
		return pay(m, month, req.amount(), paidOn, channel, Boolean.TRUE.equals(req.voluntary()));
	}

	private void checkAmount(BigDecimal amount, List<FieldProblem> problems) {
		if (amount == null) {
			problems.add(new FieldProblem("amount", "请填写交纳金额"));
		}
		else if (amount.signum() <= 0) {
			problems.add(new FieldProblem("amount", "交纳金额须大于0元"));
		}
		else if (!Inputs.fen(amount)) {
			problems.add(new FieldProblem("amount", "交纳金额最多保留两位小数（元、角、分）"));
		}
		else if (amount.compareTo(MAX_PAYMENT) > 0) {
			problems.add(new FieldProblem("amount", "交纳金额超出合理范围"));
		}
	}

	private void checkPaidOn(LocalDate paidOn, List<FieldProblem> problems) {
		if (paidOn != null && paidOn.isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem("paidOn", "交纳日期不能晚于今天"));
		}
	}

	private PaymentView pay(MemberRow m, YearMonth month, BigDecimal amount, LocalDate paidOn, PaymentChannel channel,
			boolean voluntary) {
		if (!m.onRoll()) {
			throw new RuleViolationException("该党员已" + statusLabel(m.status()) + "，不能登记党费");
		}
		DuesLedger ledger = ledger(m.id());
		MonthDues before = ledger.month(month);
		if (before.status() == PaymentStatus.NONE) {
			throw new RuleViolationException(month + "尚未核定党费基数，请先核定该党员的党费基数");
		}
		PaymentWindowCheck window = new PaymentWindowPolicy(settings.forYear(paidOn.getYear())).check(month, paidOn);
		if (!window.allowed()) {
			throw new RuleViolationException(window.reason());
		}
		if (before.status() == PaymentStatus.PAID && !voluntary) {
			throw new ConflictException(month + "的党费已交清（应交" + before.due() + "元，已交" + before.paid()
					+ "元）；如属自愿多交党费，请注明自愿多交（voluntary: true）");
		}
		String actor = scope.current().caller().username();
		long id = jdbc.sql("""
				INSERT INTO dues_payment (county_id, member_id, organization_id, month, amount, paid_on, channel, voluntary,
				                          recorded_by)
				VALUES (:c, :m, :o, :month, :amount, :paidOn, :channel, :voluntary, :by) RETURNING id""")
			.param("c", m.countyId())
			.param("m", m.id())
			.param("o", m.organizationId())
			.param("month", month.atDay(1))
			.param("amount", Money.yuan(amount))
			.param("paidOn", paidOn)
			.param("channel", channel.name())
			.param("voluntary", voluntary)
			.param("by", actor)
			.query(Long.class)
			.single();
		BigDecimal remaining = before.due().subtract(before.paid()).max(BigDecimal.ZERO);
		BigDecimal extra = Money.yuan(amount.subtract(remaining).max(BigDecimal.ZERO));
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("paymentId", id);
		fields.put("month", month);
		fields.put("amount", Money.yuan(amount));
		fields.put("paidOn", paidOn);
		fields.put("channel", channel);
		fields.put("voluntary", voluntary);
		audit.record("MemberDues", m.id(), m.organizationId(), "RECORD_DUES_PAYMENT", AuditTrail.created(fields));
		MonthDues after = ledger(m.id()).month(month);
		return new PaymentView(Long.toString(id), Long.toString(m.id()), month, Money.yuan(amount), paidOn, channel,
				channel.label(), voluntary, actor, OffsetDateTime.now(clock), after.due(), after.paid(), after.status(), extra,
				extra.compareTo(VOLUNTARY_TO_CENTRE_AT) >= 0, window.reason());
	}

	@Transactional(readOnly = true)
	public List<PaymentView> payments(long memberId, Integer year) {
		scope.requireMember(memberId);
		DuesLedger ledger = ledger(memberId);
		StringBuilder sql = new StringBuilder("""
				SELECT id, member_id, month, amount, paid_on, channel, voluntary, recorded_by, recorded_at
				FROM dues_payment WHERE member_id = :m""");
		Map<String, Object> params = new HashMap<>();
		params.put("m", memberId);
		if (year != null) {
			sql.append(" AND month BETWEEN :from AND :to");
			params.put("from", LocalDate.of(year, 1, 1));
			params.put("to", LocalDate.of(year, 12, 1));
		}
		sql.append(" ORDER BY month, paid_on, id");
		return jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
			YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
			PaymentChannel channel = PaymentChannel.valueOf(rs.getString("channel"));
			MonthDues md = ledger.month(month);
			return new PaymentView(rs.getString("id"), rs.getString("member_id"), month, rs.getBigDecimal("amount"),
					rs.getObject("paid_on", LocalDate.class), channel, channel.label(), rs.getBoolean("voluntary"),
					rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class), md.due(), md.paid(),
					md.status(), null, false, null);
		}).list();
	}

	public record BulkRequest(String month, String paidOn, String channel, List<String> memberIds) {
	}

	public record BulkRow(String memberId, String name, boolean saved, BigDecimal amount, String message) {
	}

	public record BulkResult(YearMonth month, int saved, int refused, List<BulkRow> items) {
	}

	/**
	 * The secretary's collection table: each selected member pays what is still due for the month. Each row is
	 * saved in its own transaction and the answer says exactly which rows were saved and why others were not.
	 */
	public BulkResult recordBulk(long organizationId, BulkRequest req) {
		scope.requireWriter(COLLECTORS);
		scope.requireOrganization(organizationId);
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth month = Inputs.month(req.month(), "month", "所交月份", problems);
		LocalDate paidOn = Inputs.date(req.paidOn(), "paidOn", "交纳日期", problems);
		PaymentChannel channel = FormInput.parseEnum(PaymentChannel.class, req.channel(), "channel",
				"交纳方式应为 CASH（现金）、BANK（银行转账）或 MOBILE_APP（手机客户端）", problems, true);
		checkPaidOn(paidOn, problems);
		List<String> ids = req.memberIds() == null ? List.of() : req.memberIds();
		if (ids.isEmpty()) {
			problems.add(new FieldProblem("memberIds", "请至少选择一名党员"));
		}
		else if (ids.size() > MAX_BULK) {
			problems.add(new FieldProblem("memberIds", "一次最多登记" + MAX_BULK + "名党员"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("党费交纳信息不正确", problems);
		}
		String prefix = jdbc.sql("SELECT path FROM organization WHERE id = :id").param("id", organizationId)
			.query(String.class).single();
		List<BulkRow> rows = new ArrayList<>();
		for (String raw : new LinkedHashSet<>(ids)) {
			rows.add(bulkRow(raw, prefix, month, paidOn, channel));
		}
		int saved = (int) rows.stream().filter(BulkRow::saved).count();
		return new BulkResult(month, saved, rows.size() - saved, rows);
	}

	private BulkRow bulkRow(String raw, String prefix, YearMonth month, LocalDate paidOn, PaymentChannel channel) {
		long memberId;
		try {
			memberId = Ids.parse(raw, "党员");
		}
		catch (NotFoundException e) {
			return new BulkRow(raw, null, false, null, "党员编号不正确");
		}
		try {
			return rowTransaction.execute(tx -> {
				MemberRow m = lockMember(memberId);
				boolean inside = jdbc.sql("SELECT count(*) FROM organization WHERE id = :o AND path LIKE :p")
					.param("o", m.organizationId())
					.param("p", prefix + "%")
					.query(Long.class)
					.single() > 0;
				if (!inside) {
					throw new NotFoundException("党员不在本组织");
				}
				MonthDues md = ledger(memberId).month(month);
				BigDecimal remaining = md.due().subtract(md.paid());
				if (md.status() == PaymentStatus.PAID) {
					return new BulkRow(raw, m.name(), false, null, month + "的党费已交清");
				}
				if (md.status() == PaymentStatus.NONE) {
					return new BulkRow(raw, m.name(), false, null, month + "尚未核定党费基数");
				}
				PaymentView p = pay(m, month, remaining, paidOn, channel, false);
				return new BulkRow(raw, m.name(), true, p.amount(), "已登记" + p.amount() + "元");
			});
		}
		catch (NotFoundException e) {
			return new BulkRow(raw, null, false, null, "党员不存在或不在本组织");
		}
		catch (RuleViolationException | ConflictException | InvalidInputException e) {
			return new BulkRow(raw, memberName(memberId), false, null, e.getMessage());
		}
	}

	private String memberName(long memberId) {
		return jdbc.sql("SELECT name FROM member WHERE id = :id").param("id", memberId).query(String.class).optional()
			.orElse(null);
	}

	public record MonthView(YearMonth month, BigDecimal due, BigDecimal paid, PaymentStatus status, String statusLabel,
			boolean future) {
	}

	public record YearView(String memberId, String name, String organizationId, String organizationName, int year,
			List<MonthView> months, BigDecimal totalDue, BigDecimal totalPaid, BaseView currentBase, Arrears arrears) {
	}

	/**
	 * Twelve months of a member's dues. Months after the current one read UNPAID in the contract's terms and
	 * carry future = true; arrears count up to the last month that has ended.
	 */
	@Transactional(readOnly = true)
	public YearView year(long memberId, int year) {
		scope.requireMember(memberId);
		MemberRow m = member(memberId);
		DuesLedger ledger = ledger(memberId);
		YearMonth current = YearMonth.now(clock);
		List<MonthView> months = new ArrayList<>();
		BigDecimal due = Money.ZERO;
		BigDecimal paid = Money.ZERO;
		for (MonthDues md : ledger.year(year)) {
			boolean future = md.month().isAfter(current);
			months.add(new MonthView(md.month(), md.due(), md.paid(), md.status(), future && md.status() == PaymentStatus.UNPAID
					? "未到期" : md.status().label(), future));
			if (!future) {
				due = due.add(md.due());
			}
			paid = paid.add(md.paid());
		}
		List<BaseView> history = bases(memberId);
		YearMonth asOf = lastEndedMonth();
		BaseView currentBase = history.stream().filter(b -> !b.effectiveMonth().isAfter(current)).reduce((a, b) -> b)
			.orElse(history.isEmpty() ? null : history.get(0));
		Arrears arrears = new ArrearsPolicy(settings.forYear(asOf.getYear())).assess(ledger, asOf);
		return new YearView(Long.toString(m.id()), m.name(), Long.toString(m.organizationId()), m.organizationName(), year,
				months, due, paid, currentBase, arrears);
	}

	/** Arrears are counted up to the last month that has ended: the current month may still be paid in time. */
	YearMonth lastEndedMonth() {
		return YearMonth.now(clock).minusMonths(1);
	}

	/**
	 * A member's bases and payments as a ledger, without scope checks: for other modules' rules (commendations read
	 * the arrears run through {@link ArrearsPolicy}); the caller has checked the member is in scope.
	 */
	@Transactional(readOnly = true)
	public DuesLedger ledgerOf(long memberId) {
		return ledger(memberId);
	}

	DuesLedger ledger(long memberId) {
		Map<YearMonth, BigDecimal> dueFrom = new HashMap<>();
		jdbc.sql("SELECT effective_month, monthly_due FROM dues_base WHERE member_id = :m")
			.param("m", memberId)
			.query(rs -> {
				dueFrom.put(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2));
			});
		Map<YearMonth, BigDecimal> paid = new HashMap<>();
		jdbc.sql("SELECT month, sum(amount) FROM dues_payment WHERE member_id = :m GROUP BY month")
			.param("m", memberId)
			.query(rs -> {
				paid.put(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2));
			});
		return new DuesLedger(dueFrom, paid);
	}

	private static final String MEMBER_SQL = """
			SELECT m.id, m.county_id, m.name, m.organization_id, o.name AS org_name, m.status, m.joined_on
			FROM member m JOIN organization o ON o.id = m.organization_id WHERE m.id = :id""";

	MemberRow member(long memberId) {
		return jdbc.sql(MEMBER_SQL).param("id", memberId).query(DuesService::mapMember).optional()
			.orElseThrow(() -> new NotFoundException("党员不存在"));
	}

	private MemberRow lockMember(long memberId) {
		jdbc.sql("SELECT id FROM member WHERE id = :id FOR UPDATE").param("id", memberId).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("党员不存在"));
		return member(memberId);
	}

	private static MemberRow mapMember(ResultSet rs, int i) throws SQLException {
		return new MemberRow(rs.getLong("id"), rs.getLong("county_id"), rs.getString("name"), rs.getLong("organization_id"),
				rs.getString("org_name"), rs.getString("status"), rs.getObject("joined_on", LocalDate.class));
	}

	private static String statusLabel(String status) {
		return switch (status) {
			case "TRANSFERRED_OUT" -> "转出";
			case "DECEASED" -> "去世";
			case "SUSPENDED" -> "停止党籍";
			default -> status;
		};
	}
}
