package cn.jiceng.scoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Calendar quarters: ends on 03-31, 06-30, 09-30, 12-31; a quarter has ended from the next day on. */
final class Quarters {

	private Quarters() {
	}

	public static int of(YearMonth month) {
		return (month.getMonthValue() - 1) / 3 + 1;
	}

	public static LocalDate endOf(YearMonth month) {
		return month.withMonth(of(month) * 3).atEndOfMonth();
	}

	public static boolean hasEnded(YearMonth month, LocalDate today) {
		return today.isAfter(endOf(month));
	}

	public static List<LocalDate> endsOf(int year) {
		return List.of(LocalDate.of(year, 3, 31), LocalDate.of(year, 6, 30), LocalDate.of(year, 9, 30),
				LocalDate.of(year, 12, 31));
	}
}
