package cn.jiceng.orglife;

import static cn.jiceng.settings.RuleCatalog.THEMED_DAY_REMINDER_FROM_DAY;

import cn.jiceng.settings.RuleSettings;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * When the reminders of SPEC.md §4.2 fall (日提醒、周通报、月约谈): daily themed-day reminders from the
 * configured day of the month, the weekly bulletin on Mondays, the monthly interview list on the 1st for
 * the month just ended. Each occasion has a stable key, so a scheduler catching up after downtime can run
 * every missed one exactly once.
 */
final class ReminderSchedule {

	public sealed interface Occasion {

		LocalDate date();

		/** Idempotency key: the same occasion always yields the same key. */
		String key();

		/** {@code month}: the month whose themed day is awaited. */
		record DailyReminder(LocalDate date, YearMonth month) implements Occasion {

			@Override
			public String key() {
				return "DAILY:" + date;
			}
		}

		record WeeklyBulletin(LocalDate date) implements Occasion {

			@Override
			public String key() {
				return "WEEKLY:" + date;
			}
		}

		/** {@code month}: the month just ended, whose non-compliant branches' secretaries are named. */
		record MonthlyInterviewList(LocalDate date, YearMonth month) implements Occasion {

			@Override
			public String key() {
				return "MONTHLY:" + month;
			}
		}
	}

	private final IntFunction<RuleSettings> settingsOfYear;

	public ReminderSchedule(RuleSettings settings) {
		Objects.requireNonNull(settings, "settings");
		this.settingsOfYear = year -> settings;
	}

	/** Settings per year, so a catch-up across New Year uses each year's reminder day. */
	public ReminderSchedule(IntFunction<RuleSettings> settingsOfYear) {
		this.settingsOfYear = Objects.requireNonNull(settingsOfYear, "settingsOfYear");
	}

	/** Occasions of one day, monthly list first, then the bulletin, then the daily reminder. */
	public List<Occasion> occasionsOn(LocalDate date) {
		Objects.requireNonNull(date, "date");
		List<Occasion> occasions = new ArrayList<>();
		if (date.getDayOfMonth() == 1) {
			occasions.add(new Occasion.MonthlyInterviewList(date, YearMonth.from(date).minusMonths(1)));
		}
		if (date.getDayOfWeek() == DayOfWeek.MONDAY) {
			occasions.add(new Occasion.WeeklyBulletin(date));
		}
		if (inDailyReminderPeriod(date)) {
			occasions.add(new Occasion.DailyReminder(date, YearMonth.from(date)));
		}
		return occasions;
	}

	/** Every occasion from {@code from} to {@code to}, both inclusive, in date order. */
	public List<Occasion> occasionsBetween(LocalDate from, LocalDate to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("range ends " + to + " before it starts " + from);
		}
		List<Occasion> occasions = new ArrayList<>();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			occasions.addAll(occasionsOn(date));
		}
		return occasions;
	}

	/**
	 * A reminder day lies on or after the configured day; a day beyond the month's length (31 in February)
	 * falls back to the month's last day, so no month passes without a reminder.
	 */
	public boolean inDailyReminderPeriod(LocalDate date) {
		int fromDay = Math.min(settingsOfYear.apply(date.getYear()).get(THEMED_DAY_REMINDER_FROM_DAY), date.lengthOfMonth());
		return date.getDayOfMonth() >= fromDay;
	}

	/** The reminder text for a branch on {@code today}, when one is due. */
	public Optional<String> dailyReminderFor(LocalDate today, boolean themedDayHeldThisMonth) {
		if (themedDayHeldThisMonth || !inDailyReminderPeriod(today)) {
			return Optional.empty();
		}
		return Optional.of(YearMonth.from(today) + " 尚未召开主题党日，请于本月底前组织（" + today + "提醒）");
	}
}
