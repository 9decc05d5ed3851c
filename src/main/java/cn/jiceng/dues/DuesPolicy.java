package cn.jiceng.dues;

import java.math.BigDecimal;
import java.util.Objects;

/** Monthly party dues by category (中组发〔2008〕3号 第一至六条; SPEC.md §4.4). */
final class DuesPolicy {

	private final DuesRates rates;

	public DuesPolicy(DuesRates rates) {
		this.rates = Objects.requireNonNull(rates, "rates");
	}

	/**
	 * The due for one month. {@code base} is read only for base-rated categories and {@code fixedAmount}
	 * only for FARMER; the other argument is ignored, so a form that sends both still works.
	 */
	public MonthlyDue monthlyDue(DuesCategory category, BigDecimal base, BigDecimal fixedAmount) {
		if (category == null) {
			return MonthlyDue.refusal("请选择党费交纳类别");
		}
		return switch (category.basis()) {
			case WORKING_SCALE, RETIRED_SCALE -> rated(category, base);
			case BRANCH_SET_AMOUNT -> branchSet(category, fixedAmount);
			case REDUCED_AMOUNT -> MonthlyDue.fixed(Money.yuan(rates.reducedAmount()),
					category.label() + "党员每月交纳党费" + Money.text(rates.reducedAmount()) + "元");
		};
	}

	private MonthlyDue rated(DuesCategory category, BigDecimal rawBase) {
		if (rawBase == null) {
			return MonthlyDue.refusal(category.label() + "党员须填写党费计算基数");
		}
		if (rawBase.signum() < 0) {
			return MonthlyDue.refusal("党费计算基数不能为负数（" + rawBase.toPlainString() + "元）");
		}
		// Money is kept in fen, so the bracket is chosen on the base as recorded (2999.999 is 3000.00).
		BigDecimal base = Money.yuan(rawBase);
		if (base.signum() == 0) {
			// A zero due would make every month "paid"; members without income belong to a fixed category.
			return MonthlyDue.refusal("党费计算基数须大于0元；没有收入的党员请按学生、下岗失业、依靠抚恤或救济、领取低保等类别交纳");
		}
		BigDecimal rate = rates.scaleFor(category).rateFor(base);
		BigDecimal amount = Money.yuan(base.multiply(rate));
		return MonthlyDue.rated(base, rate, amount,
				"基数" + base.toPlainString() + "元，适用" + Money.percent(rate) + "，月交" + amount.toPlainString() + "元");
	}

	private MonthlyDue branchSet(DuesCategory category, BigDecimal fixedAmount) {
		String range = Money.text(rates.farmerMinimum()) + "元至" + Money.text(rates.farmerMaximum()) + "元";
		if (fixedAmount == null) {
			return MonthlyDue.refusal(category.label() + "党员的月交纳额须由党支部在" + range + "之间确定");
		}
		if (fixedAmount.compareTo(rates.farmerMinimum()) < 0 || fixedAmount.compareTo(rates.farmerMaximum()) > 0) {
			return MonthlyDue.refusal(category.label() + "党员每月交纳" + fixedAmount.stripTrailingZeros().toPlainString()
					+ "元超出规定范围（" + range + "）");
		}
		BigDecimal amount = Money.yuan(fixedAmount);
		return MonthlyDue.fixed(amount,
				category.label() + "党员由党支部确定每月交纳" + amount.toPlainString() + "元（规定范围" + range + "）");
	}
}
