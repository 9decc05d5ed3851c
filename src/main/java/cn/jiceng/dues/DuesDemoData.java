package cn.jiceng.dues;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.jiceng.member.MemberStatus;
import cn.jiceng.organization.Field;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dues for the demo county: every member on the roll gets a base whose category is spread like a real county's
 * (farmers in villages, payroll in agencies and enterprises, retirees over 60, a few students and low-income
 * members), the monthly due worked out by {@link DuesPolicy} itself, and payments for this year's ended months.
 * One member in forty stopped paying seven months ago (arrears the branch assembly must deal with), one in
 * twenty-five is two months behind, so the collection pages and the arrears list have something to show.
 */
@Component
public class DuesDemoData {

	private static final int BATCH = 2000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final DuesPolicy policy = new DuesPolicy(DuesRates.defaults());

	DuesDemoData(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public record Seeded(int bases, int payments) {
	}

	private record Row(long id, long countyId, long organizationId, Field field, LocalDate birthDate,
			LocalDate joinedOn) {
	}

	private record Base(long memberId, long countyId, LocalDate effectiveMonth, DuesCategory category,
			MonthlyDue due, BigDecimal fixed) {
	}

	/** Bases and this year's payments for the members on the roll under a path that have no base yet. */
	@Transactional
	public Seeded seed(long countyId, String underPath, LocalDate today) {
		List<Row> rows = jdbc.sql("""
				SELECT m.id, m.county_id, m.organization_id, o.field, m.birth_date, m.joined_on
				FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE m.county_id = :c AND o.path LIKE :under AND %s
				  AND NOT EXISTS (SELECT 1 FROM dues_base b WHERE b.member_id = m.id)
				ORDER BY m.id""".formatted(MemberStatus.sqlOnRoll("m.status")))
			.param("c", countyId)
			.param("under", underPath + "%")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), Field.valueOf(rs.getString(4)),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.list();
		YearMonth january = YearMonth.of(today.getYear(), 1);
		List<Base> bases = new ArrayList<>(rows.size());
		for (Row r : rows) {
			YearMonth joined = YearMonth.from(r.joinedOn());
			LocalDate effective = (joined.isAfter(january) ? joined : january).atDay(1);
			bases.add(base(r, effective, today));
		}
		for (int from = 0; from < bases.size(); from += BATCH) {
			List<Base> chunk = bases.subList(from, Math.min(bases.size(), from + BATCH));
			template.batchUpdate("""
					INSERT INTO dues_base (county_id, member_id, effective_month, category, base, fixed_amount, rate,
					                       monthly_due, recorded_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'demo')""", chunk, chunk.size(), (ps, b) -> {
				ps.setLong(1, b.countyId());
				ps.setLong(2, b.memberId());
				ps.setDate(3, Date.valueOf(b.effectiveMonth()));
				ps.setString(4, b.category().name());
				ps.setBigDecimal(5, b.category().baseRated() ? b.due().base() : null);
				ps.setBigDecimal(6, b.fixed());
				ps.setBigDecimal(7, b.due().rate());
				ps.setBigDecimal(8, b.due().amount());
			});
		}
		// Paid in the month itself (5th to 24th) up to last month, except the members who fell behind.
		int payments = jdbc.sql("""
				INSERT INTO dues_payment (county_id, member_id, organization_id, month, amount, paid_on, channel, recorded_by)
				SELECT b.county_id, b.member_id, m.organization_id, g.month, b.monthly_due,
				       CAST(g.month + (5 + mod(b.member_id, 20)) * INTERVAL '1 day' AS date),
				       CASE mod(b.member_id, 3) WHEN 0 THEN 'CASH' WHEN 1 THEN 'MOBILE_APP' ELSE 'BANK' END, 'demo'
				FROM dues_base b
				JOIN member m ON m.id = b.member_id
				JOIN organization o ON o.id = m.organization_id
				CROSS JOIN LATERAL (
				    SELECT CAST(d AS date) AS month
				    FROM generate_series(b.effective_month, CAST(:last AS date), INTERVAL '1 month') d) g
				WHERE b.county_id = :c AND o.path LIKE :under AND b.recorded_by = 'demo'
				  AND NOT (mod(b.member_id, 40) = 7 AND g.month > CAST(:last AS date) - INTERVAL '7 months')
				  AND NOT (mod(b.member_id, 25) = 3 AND g.month > CAST(:last AS date) - INTERVAL '2 months')
				  AND NOT EXISTS (SELECT 1 FROM dues_payment p WHERE p.member_id = b.member_id)""")
			.param("c", countyId)
			.param("under", underPath + "%")
			.param("last", YearMonth.from(today).minusMonths(1).atDay(1))
			.update();
		return new Seeded(bases.size(), payments);
	}

	/** A category and base as a branch would record them for this member; the due is the policy's. */
	private Base base(Row r, LocalDate effective, LocalDate today) {
		int age = today.getYear() - r.birthDate().getYear();
		long h = Math.floorMod(r.id() * 2654435761L, 1000);
		DuesCategory category;
		BigDecimal base = null;
		BigDecimal fixed = null;
		if (age >= 60 && h % 10 < 8) {
			category = DuesCategory.RETIRED;
			base = BigDecimal.valueOf(2400 + h * 4);
		}
		else if (age < 24 && h % 10 < 6) {
			category = DuesCategory.STUDENT;
		}
		else if (r.field() == Field.RURAL || r.field() == Field.MOBILE) {
			if (h % 20 == 0) {
				category = DuesCategory.LOW_INCOME;
			}
			else if (h % 7 == 0) {
				category = DuesCategory.SELF_EMPLOYED;
				base = BigDecimal.valueOf(2000 + h * 5);
			}
			else {
				category = DuesCategory.FARMER;
				fixed = new BigDecimal(h % 3 == 0 ? "1.00" : h % 3 == 1 ? "0.50" : "0.20");
			}
		}
		else if (r.field() == Field.COMMUNITY && h % 4 == 0) {
			category = h % 8 == 0 ? DuesCategory.UNEMPLOYED : DuesCategory.SELF_EMPLOYED;
			base = category == DuesCategory.SELF_EMPLOYED ? BigDecimal.valueOf(2500 + h * 3) : null;
		}
		else {
			category = h % 50 == 0 ? DuesCategory.ANNUAL_SALARY : DuesCategory.PAYROLL;
			// take-home pay after the deductions 中组发〔2008〕3号 excludes, spread 2,800–11,800 yuan
			base = BigDecimal.valueOf(2800 + h * 9);
		}
		MonthlyDue due = policy.monthlyDue(category, base, fixed);
		if (due.refused()) {
			throw new IllegalStateException("demo dues base refused: " + due.reason());
		}
		return new Base(r.id(), r.countyId(), effective, category, due, fixed);
	}
}
