package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CareFundPolicyTest {

	@Test
	void aDisbursementOfTheWholeBalanceLeavesZeroAndIsAllowed() {
		assertThat(CareFundPolicy.disburse(new BigDecimal("500.00"), new BigDecimal("500.00")).allowed()).isTrue();
		assertThat(CareFundPolicy.after(new BigDecimal("500.00"), MovementKind.DISBURSEMENT, new BigDecimal("500.00")))
			.isEqualByComparingTo("0");
	}

	@Test
	void aDisbursementOneFenAboveTheBalanceIsRefusedWithTheBalanceInTheReason() {
		CareFundPolicy.Decision d = CareFundPolicy.disburse(new BigDecimal("500.00"), new BigDecimal("500.01"));
		assertThat(d.allowed()).isFalse();
		assertThat(d.reason()).contains("余额不足").contains("500.00").contains("500.01");
	}

	@Test
	void anEmptyFundPaysNothing() {
		assertThat(CareFundPolicy.disburse(null, new BigDecimal("0.01")).allowed()).isFalse();
	}

	@Test
	void aContributionRaisesTheBalance() {
		assertThat(CareFundPolicy.after(new BigDecimal("10.50"), MovementKind.CONTRIBUTION, new BigDecimal("0.50")))
			.isEqualByComparingTo("11.00");
	}

	@Test
	void zeroAndNegativeAmountsAreRefused() {
		assertThat(CareFundPolicy.amountProblem(BigDecimal.ZERO)).contains("大于0");
		assertThat(CareFundPolicy.amountProblem(new BigDecimal("-5"))).contains("大于0");
		assertThat(CareFundPolicy.amountProblem(null)).contains("请填写");
	}

	@Test
	void amountsFinerThanAFenAreRefusedButTrailingZerosAreFine() {
		assertThat(CareFundPolicy.amountProblem(new BigDecimal("1.005"))).contains("两位小数");
		assertThat(CareFundPolicy.amountProblem(new BigDecimal("1.500"))).isNull();
	}

	@Test
	void aSingleAmountAboveAMillionIsRefusedAsATypingSlip() {
		assertThat(CareFundPolicy.amountProblem(new BigDecimal("1000000.01"))).contains("100万");
		assertThat(CareFundPolicy.amountProblem(new BigDecimal("1000000"))).isNull();
	}
}
