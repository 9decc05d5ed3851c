package cn.jiceng.dues;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Outcome of assessing a member's monthly due: either an amount with the reason it was computed, or a
 * refusal with the reason. {@code base} and {@code rate} are null for fixed-amount categories.
 */
record MonthlyDue(boolean refused, BigDecimal amount, BigDecimal base, BigDecimal rate, String reason) {

	public MonthlyDue {
		Objects.requireNonNull(reason, "reason");
		if (!refused) {
			Objects.requireNonNull(amount, "amount");
		}
	}

	static MonthlyDue rated(BigDecimal base, BigDecimal rate, BigDecimal amount, String reason) {
		return new MonthlyDue(false, amount, base, rate, reason);
	}

	static MonthlyDue fixed(BigDecimal amount, String reason) {
		return new MonthlyDue(false, amount, null, null, reason);
	}

	static MonthlyDue refusal(String reason) {
		return new MonthlyDue(true, null, null, null, reason);
	}

	public boolean accepted() {
		return !refused;
	}
}
