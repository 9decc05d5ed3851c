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

	@Test
	void aMemberWhoNeedsDeliveryAndHadNoneThisQuarterIsAGapAndOneDeliverySettlesIt() {
		assertThat(AccessibleStudyPolicy.isGap(true, false)).isTrue();
		assertThat(AccessibleStudyPolicy.isGap(true, true)).isFalse();
		assertThat(AccessibleStudyPolicy.isGap(false, false)).as("no need, nothing owed").isFalse();
	}

	@Test
	void theDeliveryReminderIsDueFromFifteenDaysBeforeTheQuarterEndsToItsLastDay() {
		assertThat(AccessibleStudyPolicy.reminderDay(Q3, 15)).isEqualTo(LocalDate.of(2025, 9, 15));
		assertThat(AccessibleStudyPolicy.reminderDue(LocalDate.of(2025, 9, 14), 15)).isFalse();
		assertThat(AccessibleStudyPolicy.reminderDue(LocalDate.of(2025, 9, 15), 15)).isTrue();
		assertThat(AccessibleStudyPolicy.reminderDue(LocalDate.of(2025, 9, 30), 15)).isTrue();
		assertThat(AccessibleStudyPolicy.reminderDue(LocalDate.of(2025, 10, 1), 15)).as("a new quarter starts over")
			.isFalse();
	}

	@Test
	void aReminderLeadLongerThanTheQuarterIsDueFromItsFirstDay() {
		assertThat(AccessibleStudyPolicy.reminderDay(Q3, 200)).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(AccessibleStudyPolicy.reminderDue(LocalDate.of(2025, 7, 1), 200)).isTrue();
		assertThat(AccessibleStudyPolicy.reminderDay(Q3, 0)).isEqualTo(LocalDate.of(2025, 9, 30));
	}

	@Test
	void aFilterTextThatIsNoNeedShowsEveryoneWithANeed() {
		assertThat(AccessibleStudyPolicy.Need.of("GAP")).isEqualTo(AccessibleStudyPolicy.Need.GAP);
		assertThat(AccessibleStudyPolicy.Need.of("bogus")).isEqualTo(AccessibleStudyPolicy.Need.ANY);
		assertThat(AccessibleStudyPolicy.Need.of(null)).isEqualTo(AccessibleStudyPolicy.Need.ANY);
	}
}
