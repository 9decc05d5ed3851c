package cn.jiceng.publicity;

import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accessible study (私人定制法, SPEC.md §4.10): who needs home delivery (送学上门) in a quarter. A member aged 70 or more
 * on the quarter's last day needs it unless their study needs say {@code homeDelivery:false}; anyone whose needs say
 * {@code homeDelivery:true} needs it whatever their age. Each such member gets one delivery a quarter.
 */
public final class AccessibleStudyPolicy {

	/** The age from which home delivery is suggested by default. */
	public static final int DEFAULT_AGE = 70;

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private AccessibleStudyPolicy() {
	}

	public record Quarter(int year, int quarter) {

		public LocalDate firstDay() {
			return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
		}

		public LocalDate lastDay() {
			return firstDay().plusMonths(3).minusDays(1);
		}

		@Override
		public String toString() {
			return year + "-Q" + quarter;
		}
	}

	/** The quarter of a text like {@code 2025-Q3}, or null when it is not one. */
	public static Quarter quarter(String text) {
		Matcher m = text == null ? null : QUARTER.matcher(text.trim());
		if (m == null || !m.matches()) {
			return null;
		}
		return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
	}

	public static Quarter quarterOf(LocalDate day) {
		return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	/** {@code explicit}: the member's recorded {@code homeDelivery}, or null when no needs are recorded. */
	public static boolean needsHomeDelivery(LocalDate birthDate, Quarter quarter, Boolean explicit) {
		if (explicit != null) {
			return explicit;
		}
		return Period.between(birthDate, quarter.lastDay()).getYears() >= DEFAULT_AGE;
	}

	/** The earliest birth date of a member who is not yet {@link #DEFAULT_AGE} on the quarter's last day, minus a day. */
	public static LocalDate bornOnOrBeforeForDefault(Quarter quarter) {
		return quarter.lastDay().minusYears(DEFAULT_AGE);
	}
}
