package cn.jiceng.dues;

import java.math.BigDecimal;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A member's dues month by month. A base applies from its effective month until the next one (第十条: a new
 * rate takes effect from the month the new pay is first received). Date-free: months after "today" read as
 * UNPAID, and callers that care about the present cut at their own {@code asOf}.
 */
public final class DuesLedger {

	private final NavigableMap<YearMonth, BigDecimal> dueFrom;
	private final Map<YearMonth, BigDecimal> paidByMonth;

	/**
	 * @param dueFrom     effective month → monthly due from that month on
	 * @param paidByMonth month paid for → total of the payments for that month
	 */
	public DuesLedger(Map<YearMonth, BigDecimal> dueFrom, Map<YearMonth, BigDecimal> paidByMonth) {
		this.dueFrom = new TreeMap<>();
		dueFrom.forEach((month, due) -> {
			if (month == null || due == null || due.signum() < 0) {
				throw new IllegalArgumentException("bad due " + month + " → " + due);
			}
			this.dueFrom.put(month, Money.yuan(due));
		});
		this.paidByMonth = new TreeMap<>();
		paidByMonth.forEach((month, paid) -> {
			if (month == null || paid == null) {
				throw new IllegalArgumentException("bad payment " + month + " → " + paid);
			}
			this.paidByMonth.put(month, Money.yuan(paid));
		});
	}

	public Optional<YearMonth> firstMonth() {
		return dueFrom.isEmpty() ? Optional.empty() : Optional.of(dueFrom.firstKey());
	}

	/** The due in force for the month; empty before the first base. */
	public Optional<BigDecimal> dueFor(YearMonth month) {
		Map.Entry<YearMonth, BigDecimal> entry = dueFrom.floorEntry(month);
		return entry == null ? Optional.empty() : Optional.of(entry.getValue());
	}

	public BigDecimal paidFor(YearMonth month) {
		return paidByMonth.getOrDefault(month, Money.ZERO);
	}

	public MonthDues month(YearMonth month) {
		BigDecimal paid = paidFor(month);
		Optional<BigDecimal> due = dueFor(month);
		if (due.isEmpty()) {
			return new MonthDues(month, Money.ZERO, paid, PaymentStatus.NONE);
		}
		// Partial payment leaves the month unpaid; overpayment is a voluntary extra (第十一条) and still counts.
		PaymentStatus status = paid.compareTo(due.get()) >= 0 ? PaymentStatus.PAID : PaymentStatus.UNPAID;
		return new MonthDues(month, due.get(), paid, status);
	}

	public PaymentStatus status(YearMonth month) {
		return month(month).status();
	}

	/** January to December of the year. */
	public List<MonthDues> year(int year) {
		List<MonthDues> months = new ArrayList<>(12);
		for (Month m : Month.values()) {
			months.add(month(YearMonth.of(year, m)));
		}
		return months;
	}
}
