package cn.jiceng.masswork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** LOW_SATISFACTION: below the setting's percent of rated errands satisfied or basically satisfied. */
class SatisfactionPolicyTest {

	@Test
	void exactlySixtyPercentSatisfiedIsNotBelowSixty() {
		assertThat(SatisfactionPolicy.low(2, 1, 2, 60)).isFalse();
		assertThat(SatisfactionPolicy.low(2, 0, 3, 60)).isTrue();
	}

	@Test
	void basicallySatisfiedCountsAsSatisfied() {
		assertThat(SatisfactionPolicy.low(0, 3, 2, 60)).isFalse();
	}

	@Test
	void aVillageWithoutRatedErrandsHasNoRateAndIsNotLow() {
		assertThat(SatisfactionPolicy.low(0, 0, 0, 60)).isFalse();
	}

	@Test
	void theReasonGivesTheRateTheThresholdAndTheCounts() {
		assertThat(SatisfactionPolicy.reason(2026, 2, 0, 3, 60))
			.isEqualTo("2026年为民办事满意率 40.0%，低于 60%（已评价 5 件，满意和基本满意 2 件）");
	}
}
