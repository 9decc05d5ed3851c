package cn.jiceng.masswork;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 秤砣 work days (seed 003, SPEC.md §4.9): the days of each month, by default the 6th and 7th, on which the village
 * stations' cadres receive, visit and run errands for the villagers. The setting {@code massWorkDays} names them as
 * "6,7"; a day beyond the month's length (never with the offered choices) is skipped.
 */
final class MassWorkDayPolicy {

	private MassWorkDayPolicy() {
	}

	public static List<Integer> days(String setting) {
		return Arrays.stream(setting.split(",")).map(String::trim).map(Integer::valueOf).sorted().toList();
	}

	public static boolean isWorkDay(String setting, LocalDate day) {
		return days(setting).contains(day.getDayOfMonth());
	}

	public static List<LocalDate> inMonth(String setting, YearMonth month) {
		List<LocalDate> out = new ArrayList<>();
		for (int d : days(setting)) {
			if (d <= month.lengthOfMonth()) {
				out.add(month.atDay(d));
			}
		}
		return out;
	}

	/** The first work day on or after {@code from}. */
	public static LocalDate next(String setting, LocalDate from) {
		for (YearMonth m = YearMonth.from(from);; m = m.plusMonths(1)) {
			for (LocalDate d : inMonth(setting, m)) {
				if (!d.isBefore(from)) {
					return d;
				}
			}
		}
	}

	/** "每月6日、7日". */
	public static String describe(String setting) {
		return "每月" + String.join("、", days(setting).stream().map(d -> d + "日").toList());
	}
}
