package cn.jiceng.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan with two decimals, half-up: no national rounding rule exists, this is the platform's (RULES.md §10.4). */
final class Money {

	static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private Money() {
	}

	static BigDecimal yuan(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	static String text(BigDecimal amount) {
		return yuan(amount).toPlainString();
	}

	/** 0.015 → "1.5%". */
	static String percent(BigDecimal rate) {
		return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}
}
