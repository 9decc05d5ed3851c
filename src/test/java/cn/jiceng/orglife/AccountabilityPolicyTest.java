package cn.jiceng.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiceng.orglife.AccountabilityPolicy.Assessment;
import cn.jiceng.organization.Field;
import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountabilityPolicyTest {

	private static final LocalDate NEXT_YEAR = LocalDate.of(2026, 1, 15);

	private final AccountabilityPolicy policy = new AccountabilityPolicy(RuleSettings.defaults());

	/** Themed days on the 10th of every month of 2025 except the given ones. */
	private static List<LocalDate> themedDaysExcept(int... skipped) {
		List<LocalDate> days = new ArrayList<>();
		outer:
		for (int m = 1; m <= 12; m++) {
			for (int s : skipped) {
				if (s == m) {
					continue outer;
				}
			}
			days.add(LocalDate.of(2025, m, 10));
		}
		return days;
	}

	@Test
	void ruralBranchLoses500YuanPerMissedThemedDay() {
		Assessment assessment = policy.assess(Field.RURAL, 2025, themedDaysExcept(2, 7), List.of(), NEXT_YEAR);

		assertThat(assessment.missedMonths()).containsExactly(YearMonth.of(2025, 2), YearMonth.of(2025, 7));
		assertThat(assessment.deductionYuan()).isEqualTo(1000);
		assertThat(assessment.onCountyBulletin()).isTrue();
		assertThat(assessment.awardsDisqualified()).isFalse();
		assertThat(assessment.listed()).isTrue();
		assertThat(assessment.reasons()).contains("2025-02 未开展主题党日")
				.anySatisfy(reason -> assertThat(reason).contains("共扣1000元").contains("全县通报"));
	}

	@Test
	void branchThatHeldEveryThemedDayIsNotListed() {
		Assessment assessment = policy.assess(Field.RURAL, 2025, themedDaysExcept(), List.of(), NEXT_YEAR);

		assertThat(assessment.listed()).isFalse();
		assertThat(assessment.deductionYuan()).isZero();
		assertThat(assessment.onCountyBulletin()).isFalse();
	}

	@Test
	void agencySecretaryDisqualifiedAfterTwoMisses() {
		Assessment once = policy.assess(Field.AGENCY, 2025, themedDaysExcept(4), List.of(), NEXT_YEAR);
		Assessment twice = policy.assess(Field.AGENCY, 2025, themedDaysExcept(4, 9), List.of(), NEXT_YEAR);

		assertThat(once.awardsDisqualified()).isFalse();
		assertThat(twice.awardsDisqualified()).isTrue();
		assertThat(twice.deductionYuan()).isZero();
		assertThat(twice.onCountyBulletin()).isFalse();
		assertThat(twice.reasons()).anySatisfy(reason -> assertThat(reason).contains("取消当年评优评先资格"));
	}

	@Test
	void otherFieldsAreListedWithoutSanction() {
		Assessment assessment = policy.assess(Field.ENTERPRISE, 2025, themedDaysExcept(1, 2, 3), List.of(), NEXT_YEAR);

		assertThat(assessment.missedMonths()).hasSize(3);
		assertThat(assessment.listed()).isTrue();
		assertThat(assessment.deductionYuan()).isZero();
		assertThat(assessment.awardsDisqualified()).isFalse();
		assertThat(assessment.onCountyBulletin()).isFalse();
	}

	@Test
	void exemptedMonthIsNotMissed() {
		Assessment assessment = policy.assess(Field.RURAL, 2025, themedDaysExcept(2, 7),
				List.of(YearMonth.of(2025, 7)), NEXT_YEAR);

		assertThat(assessment.missedMonths()).containsExactly(YearMonth.of(2025, 2));
		assertThat(assessment.exemptedMonths()).containsExactly(YearMonth.of(2025, 7));
		assertThat(assessment.deductionYuan()).isEqualTo(500);
		assertThat(assessment.reasons()).anySatisfy(reason -> assertThat(reason).startsWith("2025-07").contains("免责"));
	}

	@Test
	void currentMonthDoesNotCountYet() {
		List<LocalDate> janToMayOnly = List.of(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 2, 10),
				LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 10));

		Assessment assessment = policy.assess(Field.RURAL, 2025, janToMayOnly, List.of(), LocalDate.of(2025, 6, 30));

		assertThat(assessment.missedMonths()).isEmpty();
		assertThat(policy.assess(Field.RURAL, 2025, janToMayOnly, List.of(), LocalDate.of(2025, 7, 1)).missedMonths())
				.containsExactly(YearMonth.of(2025, 6));
	}

	@Test
	void monthsBeforeTheFirstAccountableMonthDoNotCount() {
		Assessment assessment = policy.assess(Field.RURAL, 2025, List.of(LocalDate.of(2025, 5, 10)), List.of(),
				LocalDate.of(2025, 7, 1), YearMonth.of(2025, 5));

		assertThat(assessment.missedMonths()).containsExactly(YearMonth.of(2025, 6));
	}

	@Test
	void themedDaysOfAnotherYearDoNotCover() {
		Assessment assessment = policy.assess(Field.RURAL, 2025, List.of(LocalDate.of(2024, 1, 10)), List.of(),
				LocalDate.of(2025, 2, 1));

		assertThat(assessment.missedMonths()).containsExactly(YearMonth.of(2025, 1));
	}

	@Test
	void changedSettingsChangeTheDeduction() {
		AccountabilityPolicy cheaper = new AccountabilityPolicy(TestSettings.with("ruralMissedThemedDayDeductionYuan", 300));
		AccountabilityPolicy stricter = new AccountabilityPolicy(
				TestSettings.with("agencyMissedThemedDaysForDisqualification", 1));

		assertThat(cheaper.assess(Field.RURAL, 2025, themedDaysExcept(2, 7), List.of(), NEXT_YEAR).deductionYuan())
				.isEqualTo(600);
		assertThat(stricter.assess(Field.AGENCY, 2025, themedDaysExcept(4), List.of(), NEXT_YEAR).awardsDisqualified())
				.isTrue();
	}
}
