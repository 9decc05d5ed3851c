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
final class AccessibleStudyPolicy {

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

	/** The needs a roster can be filtered by; {@code GAP} is the quarter's home deliveries still owed. */
	public enum Need {
		ANY("全部有需求的党员"), LARGE_PRINT("需要大字版"), DIALECT_AUDIO("需要方言音频"), HOME_DELIVERY("需要送学上门"),
		GAP("该季度尚未送学");

		private final String label;

		Need(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** The need of a filter text; anything else is everyone with a need. */
		public static Need of(String text) {
			for (Need n : values()) {
				if (n.name().equals(text)) {
					return n;
				}
			}
			return ANY;
		}
	}

	/** A member owes nothing unless a delivery is needed that quarter; one delivery inside the quarter settles it. */
	public static boolean isGap(boolean needsHomeDelivery, boolean deliveredInQuarter) {
		return needsHomeDelivery && !deliveredInQuarter;
	}

	/**
	 * The day the delivery reminder of a quarter goes out: {@code daysBefore} days before its last day, never before
	 * its first day.
	 */
	public static LocalDate reminderDay(Quarter quarter, int daysBefore) {
		LocalDate day = quarter.lastDay().minusDays(daysBefore);
		return day.isBefore(quarter.firstDay()) ? quarter.firstDay() : day;
	}

	/** Whether the reminder of {@code today}'s quarter is due: from its reminder day to the quarter's last day. */
	public static boolean reminderDue(LocalDate today, int daysBefore) {
		return !today.isBefore(reminderDay(quarterOf(today), daysBefore));
	}

	/** Whole years of age on a day. */
	public static int age(LocalDate birthDate, LocalDate on) {
		return Period.between(birthDate, on).getYears();
	}
}
