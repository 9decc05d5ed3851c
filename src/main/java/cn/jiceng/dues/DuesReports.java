package cn.jiceng.dues;

import static cn.jiceng.settings.RuleCatalog.DUES_ARREARS_MONTHS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subtree reports over dues: arrears, the yearly base review, the collection table of a branch and the
 * collection summary. Each is one set-based query over the subtree, whatever its size.
 */
@Service
public class DuesReports {

	/** Organization-level dues reports are for the people who manage collection, and the inspectors. */
	static final Set<Role> READERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY,
			Role.INSPECTOR);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;

	DuesReports(JdbcClient jdbc, DataScope scope, OrganizationService organizations, RuleSettingsService settings) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.organizations = organizations;
		this.settings = settings;
	}

	private OrgRef readable(long organizationId) {
		scope.requireOrganization(organizationId);
		scope.requireWriter(READERS);
		return organizations.ref(organizationId).orElseThrow();
	}

	public record ArrearsItem(String memberId, String name, String organizationId, String organizationName,
			int consecutiveUnpaidMonths, YearMonth since, boolean flagged, String message) {
	}

	public record ArrearsReport(String organizationId, YearMonth asOf, int thresholdMonths, List<ArrearsItem> items) {
	}

	/**
	 * Members of the subtree whose unpaid run up to asOf reaches the threshold (6 by default): the list the
	 * branch assembly takes up. The run starts after the last fully paid month, or at the first base.
	 */
	@Transactional(readOnly = true)
	public ArrearsReport arrears(long organizationId, YearMonth asOf) {
		OrgRef org = readable(organizationId);
		ArrearsPolicy policy = new ArrearsPolicy(settings.forYear(asOf.getYear()));
		int threshold = settings.forYear(asOf.getYear()).get(DUES_ARREARS_MONTHS);
		YearMonth cutoff = asOf.minusMonths(Math.max(threshold, 1) - 1L);
		List<ArrearsItem> items = new ArrayList<>();
		jdbc.sql("""
				WITH mem AS (
				    SELECT m.id, m.name, m.organization_id, o.name AS org_name, o.path
				    FROM member m JOIN organization o ON o.id = m.organization_id
				    WHERE o.path LIKE :prefix AND\s""" + DuesService.DUES_MEMBER + """
				), first_base AS (
				    SELECT b.member_id, min(b.effective_month) AS first_month
				    FROM dues_base b JOIN mem ON mem.id = b.member_id GROUP BY b.member_id
				), paid_months AS (
				    SELECT p.member_id, p.month, sum(p.amount) AS paid
				    FROM dues_payment p JOIN mem ON mem.id = p.member_id
				    WHERE p.month <= :asOf GROUP BY p.member_id, p.month
				), last_paid AS (
				    SELECT pm.member_id, max(pm.month) AS last_month FROM paid_months pm
				    WHERE pm.paid >= (SELECT b.monthly_due FROM dues_base b WHERE b.member_id = pm.member_id
				                      AND b.effective_month <= pm.month ORDER BY b.effective_month DESC LIMIT 1)
				    GROUP BY pm.member_id
				)
				SELECT mem.id, mem.name, mem.organization_id, mem.org_name, fb.first_month, lp.last_month
				FROM mem JOIN first_base fb ON fb.member_id = mem.id LEFT JOIN last_paid lp ON lp.member_id = mem.id
				WHERE greatest(fb.first_month, CAST(lp.last_month + INTERVAL '1 month' AS DATE)) <= :cutoff
				ORDER BY mem.path, mem.name, mem.id""")
			.param("prefix", org.path() + "%")
			.param("asOf", asOf.atDay(1))
			.param("cutoff", cutoff.atDay(1))
			.query(rs -> {
				LocalDate last = rs.getObject("last_month", LocalDate.class);
				Arrears a = policy.assess(YearMonth.from(rs.getObject("first_month", LocalDate.class)),
						last == null ? null : YearMonth.from(last), asOf);
				if (a.flagged()) {
					items.add(new ArrearsItem(rs.getString("id"), rs.getString("name"), rs.getString("organization_id"),
							rs.getString("org_name"), a.consecutiveUnpaidMonths(), a.since(), true, a.message()));
				}
			});
		items.sort((x, y) -> Integer.compare(y.consecutiveUnpaidMonths(), x.consecutiveUnpaidMonths()));
		return new ArrearsReport(Long.toString(org.id()), asOf, threshold, items);
	}

	public record ReviewItem(String memberId, String name, String organizationId, String organizationName,
			DuesCategory category, String categoryLabel, BigDecimal base, BigDecimal monthlyDue,
			YearMonth lastEffectiveMonth) {
	}

	/**
	 * 基数核算复核: members of the subtree with no base entered for a month of the year. Fixed-amount members are
	 * listed too, since being a student or on 低保 is also a fact to re-check each year.
	 */
	public record BaseReview(String organizationId, int year, long members, long confirmed, List<ReviewItem> items,
			long total, int page, int size) {
	}

	@Transactional(readOnly = true)
	public BaseReview baseReview(long organizationId, int year, PageRequest page) {
		OrgRef org = readable(organizationId);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("prefix", org.path() + "%");
		params.put("from", LocalDate.of(year, 1, 1));
		params.put("to", LocalDate.of(year, 12, 1));
		String from = " FROM member m JOIN organization o ON o.id = m.organization_id";
		String where = " WHERE o.path LIKE :prefix AND " + DuesService.DUES_MEMBER;
		String unconfirmed = " AND NOT EXISTS (SELECT 1 FROM dues_base b WHERE b.member_id = m.id "
				+ "AND b.effective_month BETWEEN :from AND :to)";
		long members = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
		long total = jdbc.sql("SELECT count(*)" + from + where + unconfirmed).params(params).query(Long.class).single();
		List<ReviewItem> items = jdbc.sql("""
				SELECT m.id, m.name, m.organization_id, o.name AS org_name, lb.category, lb.base, lb.monthly_due,
				       lb.effective_month""" + from
				+ " LEFT JOIN LATERAL (SELECT b.category, b.base, b.monthly_due, b.effective_month FROM dues_base b"
				+ " WHERE b.member_id = m.id ORDER BY b.effective_month DESC LIMIT 1) lb ON TRUE" + where
				+ unconfirmed + " ORDER BY o.path, m.name, m.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, i) -> {
				String c = rs.getString("category");
				DuesCategory cat = c == null ? null : DuesCategory.valueOf(c);
				LocalDate eff = rs.getObject("effective_month", LocalDate.class);
				return new ReviewItem(rs.getString("id"), rs.getString("name"), rs.getString("organization_id"),
						rs.getString("org_name"), cat, cat == null ? "未核定" : cat.label(), rs.getBigDecimal("base"),
						rs.getBigDecimal("monthly_due"), eff == null ? null : YearMonth.from(eff));
			})
			.list();
		return new BaseReview(Long.toString(org.id()), year, members, members - total, items, total, page.page(),
				page.size());
	}

	public record CollectionRow(String memberId, String name, DuesCategory category, String categoryLabel,
			BigDecimal base, BigDecimal due, BigDecimal paid, BigDecimal remaining, PaymentStatus status,
			String statusLabel) {
	}

	public record Collection(String organizationId, String organizationName, YearMonth month, int members,
			int paidMembers, BigDecimal dueAmount, BigDecimal paidAmount, List<CollectionRow> rows) {
	}

	/** The collection table of one branch for a month: every member with the due in force and what was paid. */
	@Transactional(readOnly = true)
	public Collection collection(long branchId, YearMonth month) {
		OrgRef org = readable(branchId);
		if (org.kind() != OrgKind.BRANCH) {
			throw InvalidInputException.of("organizationId", "收缴登记表按党支部填写，请选择党支部（所选为" + org.kind().label() + "）");
		}
		List<CollectionRow> rows = jdbc.sql("""
				SELECT m.id, m.name, lb.category, lb.base, lb.monthly_due,
				       (SELECT sum(p.amount) FROM dues_payment p WHERE p.member_id = m.id AND p.month = :month) AS paid
				FROM member m
				LEFT JOIN LATERAL (SELECT b.category, b.base, b.monthly_due FROM dues_base b
				                   WHERE b.member_id = m.id AND b.effective_month <= :month
				                   ORDER BY b.effective_month DESC LIMIT 1) lb ON TRUE
				WHERE m.organization_id = :org AND\s""" + DuesService.DUES_MEMBER + " ORDER BY m.name, m.id")
			.param("month", month.atDay(1))
			.param("org", branchId)
			.query((rs, i) -> {
				String c = rs.getString("category");
				DuesCategory cat = c == null ? null : DuesCategory.valueOf(c);
				BigDecimal due = rs.getBigDecimal("monthly_due");
				BigDecimal paid = rs.getBigDecimal("paid");
				paid = paid == null ? Money.ZERO : paid;
				PaymentStatus status = due == null ? PaymentStatus.NONE
						: paid.compareTo(due) >= 0 ? PaymentStatus.PAID : PaymentStatus.UNPAID;
				BigDecimal remaining = due == null ? Money.ZERO : due.subtract(paid).max(Money.ZERO);
				return new CollectionRow(rs.getString("id"), rs.getString("name"), cat, cat == null ? "未核定" : cat.label(),
						rs.getBigDecimal("base"), due == null ? Money.ZERO : due, paid, remaining, status, status.label());
			})
			.list();
		int paidMembers = (int) rows.stream().filter(r -> r.status() == PaymentStatus.PAID).count();
		BigDecimal due = rows.stream().map(CollectionRow::due).reduce(Money.ZERO, BigDecimal::add);
		BigDecimal paid = rows.stream().map(CollectionRow::paid).reduce(Money.ZERO, BigDecimal::add);
		return new Collection(Long.toString(org.id()), org.name(), month, rows.size(), paidMembers, due, paid, rows);
	}

	/**
	 * One line of the collection summary. dueMembers have a base in force for the month; rate is paidMembers
	 * over dueMembers (0 when nobody is due).
	 */
	public record SummaryRow(String organizationId, String name, OrgKind kind, String kindLabel, int members,
			int dueMembers, int paidMembers, int unpaidMembers, BigDecimal dueAmount, BigDecimal paidAmount,
			double rate) {
	}

	/** {@code children}: per direct child organization (the townships when asked at the county). */
	public record Summary(String organizationId, String organizationName, YearMonth month, SummaryRow totals,
			List<SummaryRow> children, List<SummaryRow> branches) {
	}

	private record Stats(long id, String name, OrgKind kind, String path, int members, int dueMembers, int paidMembers,
			BigDecimal due, BigDecimal paid) {
	}

	@Transactional(readOnly = true)
	public Summary summary(long organizationId, YearMonth month) {
		OrgRef org = readable(organizationId);
		List<Stats> branches = jdbc.sql("""
				WITH mem AS (
				    SELECT m.id, m.organization_id FROM member m JOIN organization o ON o.id = m.organization_id
				    WHERE o.path LIKE :prefix AND\s""" + DuesService.DUES_MEMBER + """
				), due AS (
				    SELECT DISTINCT ON (b.member_id) b.member_id, b.monthly_due
				    FROM dues_base b JOIN mem ON mem.id = b.member_id
				    WHERE b.effective_month <= :month ORDER BY b.member_id, b.effective_month DESC
				), paid AS (
				    SELECT p.member_id, sum(p.amount) AS paid FROM dues_payment p JOIN mem ON mem.id = p.member_id
				    WHERE p.month = :month GROUP BY p.member_id
				)
				SELECT o.id, o.name, o.kind, o.path, count(mem.id) AS members, count(due.member_id) AS due_members,
				       count(due.member_id) FILTER (WHERE paid.paid >= due.monthly_due) AS paid_members,
				       coalesce(sum(due.monthly_due), 0) AS due_amount, coalesce(sum(paid.paid), 0) AS paid_amount
				FROM organization o
				LEFT JOIN mem ON mem.organization_id = o.id
				LEFT JOIN due ON due.member_id = mem.id
				LEFT JOIN paid ON paid.member_id = mem.id
				WHERE o.kind = 'BRANCH' AND o.path LIKE :prefix
				GROUP BY o.id, o.name, o.kind, o.path
				ORDER BY o.path""")
			.param("prefix", org.path() + "%")
			.param("month", month.atDay(1))
			.query((rs, i) -> new Stats(rs.getLong("id"), rs.getString("name"), OrgKind.valueOf(rs.getString("kind")),
					rs.getString("path"), rs.getInt("members"), rs.getInt("due_members"), rs.getInt("paid_members"),
					Money.yuan(rs.getBigDecimal("due_amount")), Money.yuan(rs.getBigDecimal("paid_amount"))))
			.list();
		List<SummaryRow> children = new ArrayList<>();
		if (org.kind() != OrgKind.BRANCH) {
			List<OrgRef> kids = jdbc.sql("""
					SELECT id, name, kind, field, parent_id, path, county_id FROM organization
					WHERE parent_id = :id AND kind <> 'GROUP' ORDER BY kind, name, id""")
				.param("id", organizationId)
				.query((rs, i) -> new OrgRef(rs.getLong("id"), rs.getString("name"), OrgKind.valueOf(rs.getString("kind")),
						Field.valueOf(rs.getString("field")), rs.getLong("parent_id"),
						rs.getString("path"), rs.getLong("county_id")))
				.list();
			for (OrgRef kid : kids) {
				children.add(total(kid.id(), kid.name(), kid.kind(),
						branches.stream().filter(b -> b.path().startsWith(kid.path())).toList()));
			}
		}
		SummaryRow totals = total(org.id(), org.name(), org.kind(), branches);
		List<SummaryRow> branchRows = branches.stream().map(b -> total(b.id(), b.name(), b.kind(), List.of(b))).toList();
		return new Summary(Long.toString(org.id()), org.name(), month, totals, children, branchRows);
	}

	/** Due and fully paid member-months of a branch over some months. */
	public record PaidMonths(int dueMemberMonths, int paidMemberMonths) {
	}

	/**
	 * Per branch of the subtree: the member-months from {@code from} to {@code to} in which a member of the branch
	 * (members counted in their current branch, as the collection summary does) had a base in force, and those of
	 * them fully paid. Without scope checks, for other modules' rules (the stars' DUES_PAID_RATE); the caller has
	 * checked the subtree. One set-based query.
	 */
	@Transactional(readOnly = true)
	public Map<Long, PaidMonths> paidMonthsByBranch(long organizationId, YearMonth from, YearMonth to) {
		Map<Long, PaidMonths> result = new HashMap<>();
		if (to.isBefore(from)) {
			return result;
		}
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		jdbc.sql("""
				WITH mem AS (
				    SELECT m.id, m.organization_id FROM member m JOIN organization o ON o.id = m.organization_id
				    WHERE o.path LIKE :prefix AND\s""" + DuesService.DUES_MEMBER + """
				), months AS (
				    SELECT CAST(g AS date) AS month FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 month') g
				), bases AS (
				    -- each base with the month the next one takes over: the base of a month in one join, not a
				    -- lookup per member-month (half the time for a county)
				    SELECT b.member_id, b.effective_month, b.monthly_due,
				           lead(b.effective_month) OVER (PARTITION BY b.member_id ORDER BY b.effective_month) AS next_month
				    FROM dues_base b JOIN mem ON mem.id = b.member_id
				    WHERE b.effective_month <= :to
				), due AS (
				    SELECT mem.id, mem.organization_id, mo.month, ba.monthly_due
				    FROM mem JOIN bases ba ON ba.member_id = mem.id
				    JOIN months mo ON mo.month >= ba.effective_month AND (ba.next_month IS NULL OR mo.month < ba.next_month)
				), paid AS (
				    SELECT p.member_id, p.month, sum(p.amount) AS paid FROM dues_payment p JOIN mem ON mem.id = p.member_id
				    WHERE p.month BETWEEN :from AND :to GROUP BY p.member_id, p.month
				)
				SELECT d.organization_id, count(*) AS due_months,
				       count(*) FILTER (WHERE coalesce(p.paid, 0) >= d.monthly_due) AS paid_months
				FROM due d LEFT JOIN paid p ON p.member_id = d.id AND p.month = d.month
				WHERE d.monthly_due IS NOT NULL
				GROUP BY d.organization_id""")
			.param("prefix", org.path() + "%")
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query(rs -> {
				result.put(rs.getLong(1), new PaidMonths(rs.getInt(2), rs.getInt(3)));
			});
		return result;
	}

	private static SummaryRow total(long id, String name, OrgKind kind, List<Stats> parts) {
		int members = 0;
		int due = 0;
		int paid = 0;
		BigDecimal dueAmount = Money.ZERO;
		BigDecimal paidAmount = Money.ZERO;
		for (Stats s : parts) {
			members += s.members();
			due += s.dueMembers();
			paid += s.paidMembers();
			dueAmount = dueAmount.add(s.due());
			paidAmount = paidAmount.add(s.paid());
		}
		double rate = due == 0 ? 0 : BigDecimal.valueOf(paid).divide(BigDecimal.valueOf(due), 4, RoundingMode.HALF_UP)
			.doubleValue();
		return new SummaryRow(Long.toString(id), name, kind, kind.label(), members, due, paid, due - paid, dueAmount,
				paidAmount, rate);
	}
}
