package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AccessibleStudyPolicyTest {

	private static final AccessibleStudyPolicy.Quarter Q3 = AccessibleStudyPolicy.quarter("2025-Q3");

	@Test
	void aMemberWhoTurnsSeventyOnTheQuartersLastDayNeedsHomeDelivery() {
		assertThat(AccessibleStudyPolicy.needsHomeDelivery(LocalDate.of(1955, 9, 30), Q3, null)).isTrue();
		assertThat(AccessibleStudyPolicy.needsHomeDelivery(LocalDate.of(1955, 10, 1), Q3, null)).isFalse();
	}

	@Test
	void recordedNeedsOverrideTheAgeBothWays() {
		assertThat(AccessibleStudyPolicy.needsHomeDelivery(LocalDate.of(1940, 1, 1), Q3, false)).isFalse();
		assertThat(AccessibleStudyPolicy.needsHomeDelivery(LocalDate.of(1990, 1, 1), Q3, true)).isTrue();
	}

	@Test
	void quartersAreReadAsYearDashQAndTheirLastDayIsKnown() {
		assertThat(Q3.firstDay()).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(Q3.lastDay()).isEqualTo(LocalDate.of(2025, 9, 30));
		assertThat(AccessibleStudyPolicy.quarter("2025-Q5")).isNull();
		assertThat(AccessibleStudyPolicy.quarter("2025Q1")).isNull();
		assertThat(AccessibleStudyPolicy.quarterOf(LocalDate.of(2025, 12, 31))).hasToString("2025-Q4");
	}

	@Test
	void theDefaultBirthDateBoundIsSeventyYearsBeforeTheQuartersLastDay() {
		assertThat(AccessibleStudyPolicy.bornOnOrBeforeForDefault(Q3)).isEqualTo(LocalDate.of(1955, 9, 30));
	}
}
