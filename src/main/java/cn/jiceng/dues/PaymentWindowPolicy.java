package cn.jiceng.dues;

import static cn.jiceng.settings.RuleCatalog.DUES_MAX_MONTHS_AHEAD_OR_BEHIND;

import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Catch-up payment is generally at most six months (第十二条); advance payment has no national rule and takes
 * the same cap, as local rules do. Months are counted calendar-month to calendar-month, so the day of the
 * month on which the payment is made does not matter.
 */
final class PaymentWindowPolicy {

	private final RuleSettings settings;

	public PaymentWindowPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	public PaymentWindowCheck check(YearMonth month, LocalDate paidOn) {
		Objects.requireNonNull(month, "month");
		Objects.requireNonNull(paidOn, "paidOn");
		YearMonth paidIn = YearMonth.from(paidOn);
		long ahead = paidIn.until(month, ChronoUnit.MONTHS);
		int max = settings.get(DUES_MAX_MONTHS_AHEAD_OR_BEHIND);
		if (ahead > max) {
			return new PaymentWindowCheck(false, ahead, paidOn + "交纳" + month + "的党费属于提前" + ahead
					+ "个月预交，预交不得超过" + max + "个月");
		}
		if (-ahead > max) {
			return new PaymentWindowCheck(false, ahead, paidOn + "交纳" + month + "的党费属于补交" + (-ahead)
					+ "个月前的党费，补交一般不超过" + max + "个月");
		}
		String reason;
		if (ahead > 0) {
			reason = "预交" + ahead + "个月后的党费，在" + max + "个月限度内";
		} else if (ahead < 0) {
			reason = "补交" + (-ahead) + "个月前的党费，在" + max + "个月限度内";
		} else {
			reason = "按月交纳当月党费";
		}
		return new PaymentWindowCheck(true, ahead, reason);
	}
}
