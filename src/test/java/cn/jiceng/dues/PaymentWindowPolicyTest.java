package cn.jiceng.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PaymentWindowPolicyTest {

	private final PaymentWindowPolicy policy = new PaymentWindowPolicy(RuleSettings.defaults());

	@Test
	void paymentSevenMonthsAheadIsRefused() {
		PaymentWindowCheck check = policy.check(YearMonth.of(2025, 8), LocalDate.of(2025, 1, 10));

		assertThat(check.allowed()).isFalse();
		assertThat(check.monthsAhead()).isEqualTo(7);
		assertThat(check.reason()).isEqualTo("2025-01-10交纳2025-08的党费属于提前7个月预交，预交不得超过6个月");
	}

	@Test
	void paymentSixMonthsAheadIsAccepted() {
		PaymentWindowCheck check = policy.check(YearMonth.of(2025, 7), LocalDate.of(2025, 1, 31));

		assertThat(check.allowed()).isTrue();
		assertThat(check.monthsAhead()).isEqualTo(6);
	}

	@Test
	void paymentSixMonthsBehindIsAccepted() {
		PaymentWindowCheck check = policy.check(YearMonth.of(2024, 9), LocalDate.of(2025, 3, 1));

		assertThat(check.allowed()).isTrue();
		assertThat(check.monthsAhead()).isEqualTo(-6);
		assertThat(check.reason()).isEqualTo("补交6个月前的党费，在6个月限度内");
	}

	@Test
	void paymentSevenMonthsBehindIsRefused() {
		PaymentWindowCheck check = policy.check(YearMonth.of(2024, 8), LocalDate.of(2025, 3, 31));

		assertThat(check.allowed()).isFalse();
		assertThat(check.monthsAhead()).isEqualTo(-7);
		assertThat(check.reason()).contains("补交一般不超过6个月");
	}

	@Test
	void paymentInItsOwnMonthIsAccepted() {
		PaymentWindowCheck check = policy.check(YearMonth.of(2025, 3), LocalDate.of(2025, 3, 31));

		assertThat(check.allowed()).isTrue();
		assertThat(check.monthsAhead()).isZero();
	}
}
