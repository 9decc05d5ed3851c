package cn.jiceng.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiceng.orglife.ReminderSchedule.Occasion;
import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

	private final ReminderSchedule schedule = new ReminderSchedule(RuleSettings.defaults());

	@Test
	void dailyReminderStartsOnTheTwentieth() {
		assertThat(schedule.occasionsOn(LocalDate.of(2025, 3, 19))).isEmpty();
		assertThat(schedule.occasionsOn(LocalDate.of(2025, 3, 20)))
				.containsExactly(new Occasion.DailyReminder(LocalDate.of(2025, 3, 20), YearMonth.of(2025, 3)));
	}

	@Test
	void branchThatHeldItsThemedDayGetsNoReminder() {
		LocalDate day = LocalDate.of(2025, 3, 21);

		assertThat(schedule.dailyReminderFor(day, true)).isEmpty();
		assertThat(schedule.dailyReminderFor(day, false)).hasValueSatisfying(text -> assertThat(text).contains("2025-03"));
		assertThat(schedule.dailyReminderFor(LocalDate.of(2025, 3, 19), false)).isEmpty();
	}

	@Test
	void weeklyBulletinFallsOnMondays() {
		assertThat(schedule.occasionsOn(LocalDate.of(2025, 3, 10)))
				.containsExactly(new Occasion.WeeklyBulletin(LocalDate.of(2025, 3, 10)));
		assertThat(schedule.occasionsOn(LocalDate.of(2025, 3, 11))).isEmpty();
	}

	@Test
	void monthlyInterviewListOnTheFirstCoversTheMonthJustEnded() {
		List<Occasion> occasions = schedule.occasionsOn(LocalDate.of(2025, 1, 1));

		assertThat(occasions).containsExactly(
				new Occasion.MonthlyInterviewList(LocalDate.of(2025, 1, 1), YearMonth.of(2024, 12)));
		assertThat(occasions.get(0).key()).isEqualTo("MONTHLY:2024-12");
	}

	@Test
	void schedulerCatchesUpEveryOccasionAfterDowntime() {
		List<String> keys = schedule.occasionsBetween(LocalDate.of(2025, 3, 18), LocalDate.of(2025, 4, 1)).stream()
				.map(Occasion::key).toList();

		assertThat(keys).containsExactly(
				"DAILY:2025-03-20", "DAILY:2025-03-21", "DAILY:2025-03-22", "DAILY:2025-03-23",
				"WEEKLY:2025-03-24", "DAILY:2025-03-24",
				"DAILY:2025-03-25", "DAILY:2025-03-26", "DAILY:2025-03-27", "DAILY:2025-03-28",
				"DAILY:2025-03-29", "DAILY:2025-03-30",
				"WEEKLY:2025-03-31", "DAILY:2025-03-31",
				"MONTHLY:2025-03");
	}

	@Test
	void keysAreStableAcrossOverlappingRuns() {
		List<Occasion> first = schedule.occasionsBetween(LocalDate.of(2025, 3, 25), LocalDate.of(2025, 3, 31));
		List<Occasion> second = schedule.occasionsBetween(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 3, 31));

		assertThat(first).containsAll(second);
		assertThat(second).extracting(Occasion::key).containsExactly("WEEKLY:2025-03-31", "DAILY:2025-03-31");
	}

	@Test
	void reminderDayBeyondTheMonthFallsBackToItsLastDay() {
		ReminderSchedule late = new ReminderSchedule(TestSettings.with("themedDayReminderFromDay", 30));

		assertThat(late.inDailyReminderPeriod(LocalDate.of(2025, 2, 27))).isFalse();
		assertThat(late.inDailyReminderPeriod(LocalDate.of(2025, 2, 28))).isTrue();
		assertThat(late.inDailyReminderPeriod(LocalDate.of(2025, 3, 29))).isFalse();
	}

	@Test
	void catchUpAcrossNewYearUsesEachYearsSettings() {
		ReminderSchedule perYear = new ReminderSchedule(
				year -> year == 2025 ? TestSettings.with("themedDayReminderFromDay", 31) : RuleSettings.defaults());

		assertThat(perYear.occasionsBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1)))
				.extracting(Occasion::key).containsExactly("DAILY:2024-12-31", "MONTHLY:2024-12");
		assertThat(perYear.inDailyReminderPeriod(LocalDate.of(2025, 1, 30))).isFalse();
	}
}
