package cn.jiceng.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.jiceng.organization.OfficePolicy.Period;
import cn.jiceng.organization.OfficePolicy.Vacancy;
import org.junit.jupiter.api.Test;

class OfficePolicyTest {

	private final OfficePolicy policy = new OfficePolicy(3);

	private static Period secretary(long id, long member, String from, String to) {
		return new Period(id, member, Office.SECRETARY, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
	}

	@Test
	void aSecondSecretaryBesideAnOpenOneIsRefused() {
		var d = policy.check(secretary(0, 2, "2025-03-01", null), List.of(secretary(1, 1, "2024-01-01", null)));

		assertThat(d.allowed()).isFalse();
		assertThat(d.reason()).contains("已有书记", "请先填写其离任日期");
	}

	@Test
	void aNewSecretaryMayStartTheDayAfterTheOldOneLeft() {
		assertThat(policy.check(secretary(0, 2, "2025-07-01", null), List.of(secretary(1, 1, "2024-01-01", "2025-06-30")))
			.allowed()).isTrue();
	}

	@Test
	void aNewSecretaryStartingOnTheOldOnesLastDayOverlaps() {
		assertThat(policy.check(secretary(0, 2, "2025-06-30", null), List.of(secretary(1, 1, "2024-01-01", "2025-06-30")))
			.allowed()).isFalse();
	}

	@Test
	void aSecretaryBeforeAnotherOnesPeriodMustEndBeforeItStarts() {
		List<Period> later = List.of(secretary(1, 1, "2025-01-01", null));
		assertThat(policy.check(secretary(0, 2, "2024-01-01", null), later).allowed()).isFalse();
		assertThat(policy.check(secretary(0, 2, "2024-01-01", "2024-12-31"), later).allowed()).isTrue();
	}

	@Test
	void deputiesAndCommitteeMembersMaySitSideBySide() {
		Period deputy = new Period(1, 1, Office.DEPUTY_SECRETARY, LocalDate.parse("2024-01-01"), null);
		Period another = new Period(0, 2, Office.DEPUTY_SECRETARY, LocalDate.parse("2024-06-01"), null);
		assertThat(policy.check(another, List.of(deputy)).allowed()).isTrue();
	}

	@Test
	void thePersonCannotHoldTheSamePostTwiceAtOnce() {
		Period member = new Period(1, 7, Office.COMMITTEE_MEMBER, LocalDate.parse("2024-01-01"), null);
		Period again = new Period(0, 7, Office.COMMITTEE_MEMBER, LocalDate.parse("2024-06-01"), null);
		assertThat(policy.check(again, List.of(member)).reason()).isEqualTo("该党员在此期间已担任委员");
	}

	@Test
	void aHoldingEndingBeforeItStartsIsRefused() {
		assertThat(policy.check(secretary(0, 1, "2025-05-01", "2025-04-30"), List.of()).reason())
			.isEqualTo("离任日期不能早于任职日期");
	}

	@Test
	void changingAHoldingIsNotCheckedAgainstItself() {
		Period open = secretary(1, 1, "2024-01-01", null);
		assertThat(policy.check(secretary(1, 1, "2024-01-01", "2025-01-31"), List.of(open)).allowed()).isTrue();
	}

	@Test
	void theSecretaryOfAMonthIsTheHolderOnItsLastDay() {
		List<Period> periods = List.of(secretary(1, 1, "2024-01-01", "2025-03-20"), secretary(2, 2, "2025-03-21", null));

		assertThat(policy.secretaryOf(periods, YearMonth.of(2025, 3))).map(Period::memberId).hasValue(2L);
		assertThat(policy.secretaryOf(periods, YearMonth.of(2025, 2))).map(Period::memberId).hasValue(1L);
	}

	@Test
	void aMonthWhoseLastDayHasNoSecretaryHasNone() {
		List<Period> periods = List.of(secretary(1, 1, "2024-01-01", "2025-03-20"));
		assertThat(policy.secretaryOf(periods, YearMonth.of(2025, 3))).isEmpty();
	}

	@Test
	void aGapOfExactlyThreeMonthsIsNotAVacancy() {
		List<Period> periods = List.of(secretary(1, 1, "2024-01-01", "2024-12-31"), secretary(2, 2, "2025-04-01", null));
		assertThat(policy.vacancies(periods, LocalDate.parse("2024-01-01"), LocalDate.parse("2025-12-31"))).isEmpty();
	}

	@Test
	void aGapOfThreeMonthsAndADayIsAVacancy() {
		List<Period> periods = List.of(secretary(1, 1, "2024-01-01", "2024-12-31"), secretary(2, 2, "2025-04-02", null));
		assertThat(policy.vacancies(periods, LocalDate.parse("2024-01-01"), LocalDate.parse("2025-12-31")))
			.containsExactly(new Vacancy(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-04-01")));
	}

	@Test
	void aPostNeverFilledIsAVacancyOnceTheLimitHasPassed() {
		assertThat(policy.vacancies(List.of(), LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"))).isEmpty();
		assertThat(policy.vacancies(List.of(), LocalDate.parse("2025-01-01"), LocalDate.parse("2025-04-01")))
			.containsExactly(new Vacancy(LocalDate.parse("2025-01-01"), null));
	}

	@Test
	void aSecretaryWhoLeftLongAgoLeavesAnOpenVacancy() {
		List<Period> periods = List.of(secretary(1, 1, "2020-01-01", "2024-06-30"));
		assertThat(policy.vacancies(periods, LocalDate.parse("2020-01-01"), LocalDate.parse("2025-01-01")))
			.containsExactly(new Vacancy(LocalDate.parse("2024-07-01"), null));
	}

	@Test
	void theVacancyLimitComesFromTheSettings() {
		OfficePolicy six = new OfficePolicy(6);
		assertThat(six.vacancies(List.of(), LocalDate.parse("2025-01-01"), LocalDate.parse("2025-04-01"))).isEmpty();
	}
}
