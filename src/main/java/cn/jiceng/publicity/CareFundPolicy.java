package cn.jiceng.publicity;

import java.math.BigDecimal;

/**
 * The care fund's money rules (关心关爱法, SPEC.md §4.10): an amount is a positive number of yuan with at most two
 * decimals, and a disbursement never takes the balance below zero. Plain Java; the service applies it to the balance
 * it read under the fund's row lock, so two disbursements racing for the last yuan cannot both pass.
 */
final class CareFundPolicy {

	/** The largest single movement accepted (a typing slip of a few extra zeros is refused rather than booked). */
	public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

	private CareFundPolicy() {
	}

	public record Decision(boolean allowed, String reason) {

		static Decision allow() {
			return new Decision(true, null);
		}

		static Decision refuse(String reason) {
			return new Decision(false, reason);
		}
	}

	/** Null when the amount may be booked, else the Chinese reason it may not. */
	public static String amountProblem(BigDecimal amount) {
		if (amount == null) {
			return "请填写金额";
		}
		if (amount.signum() <= 0) {
			return "金额应大于0元";
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			return "金额最多保留两位小数（到分）";
		}
		if (amount.compareTo(MAX_AMOUNT) > 0) {
			return "单笔金额不能超过100万元";
		}
		return null;
	}

	/** Whether paying {@code amount} out of a fund holding {@code balance} keeps it at zero or above. */
	public static Decision disburse(BigDecimal balance, BigDecimal amount) {
		BigDecimal have = balance == null ? BigDecimal.ZERO : balance;
		if (amount.compareTo(have) > 0) {
			return Decision.refuse("关爱基金余额不足：当前余额" + yuan(have) + "元，本次支出" + yuan(amount) + "元，支出后余额不能为负");
		}
		return Decision.allow();
	}

	/** The balance after a movement. */
	public static BigDecimal after(BigDecimal balance, MovementKind kind, BigDecimal amount) {
		BigDecimal have = balance == null ? BigDecimal.ZERO : balance;
		return kind == MovementKind.CONTRIBUTION ? have.add(amount) : have.subtract(amount);
	}

	static String yuan(BigDecimal amount) {
		return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}
}
