package cn.jiceng.dues;

import static cn.jiceng.settings.RuleCatalog.DUES_ARREARS_MONTHS;

import cn.jiceng.settings.RuleSettings;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Six consecutive unpaid months without a justified reason → 按自行脱党处理 (中组发〔2008〕3号 第十三条, 党章
 * 第九条). Whether a reason is justified is for the branch assembly, so this only flags; it never removes.
 */
public final class ArrearsPolicy {

	private final RuleSettings settings;

	public ArrearsPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** Counts back from {@code asOf} (inclusive) over months with a base, stopping at the first paid one. */
	public Arrears assess(DuesLedger ledger, YearMonth asOf) {
		int count = 0;
		YearMonth since = null;
		YearMonth month = asOf;
		while (ledger.status(month) == PaymentStatus.UNPAID) {
			count++;
			since = month;
			month = month.minusMonths(1);
		}
		return arrears(asOf, count, since);
	}

	/**
	 * The same assessment from two facts, for set-based queries: once a member has a base every month is either
	 * paid or unpaid, so the run is the months after the last paid one (or from the first base) up to asOf.
	 *
	 * @param firstDueMonth  effective month of the member's first base
	 * @param lastPaidMonth  latest fully paid month up to asOf, or null if none
	 */
	public Arrears assess(YearMonth firstDueMonth, YearMonth lastPaidMonth, YearMonth asOf) {
		YearMonth start = lastPaidMonth == null || lastPaidMonth.isBefore(firstDueMonth) ? firstDueMonth
				: lastPaidMonth.plusMonths(1);
		if (start.isAfter(asOf)) {
			return arrears(asOf, 0, null);
		}
		int count = (int) start.until(asOf, ChronoUnit.MONTHS) + 1;
		return arrears(asOf, count, start);
	}

	private Arrears arrears(YearMonth asOf, int count, YearMonth since) {
		int threshold = settings.get(DUES_ARREARS_MONTHS);
		boolean flagged = count >= threshold;
		String message;
		if (flagged) {
			message = "连续" + count + "个月未交纳党费，提请支部党员大会按自行脱党程序处理";
		} else if (count > 0) {
			message = "连续" + count + "个月未交纳党费（自" + since + "起），请督促按时交纳";
		} else {
			message = "截至" + asOf + "无连续欠交党费";
		}
		return new Arrears(asOf, count, since, flagged, message);
	}
}
