package cn.jiceng.masswork;

import java.util.Locale;

/**
 * The weak-and-lax criterion LOW_SATISFACTION (SPEC.md §4.8, issue 15 item 3): a village whose errand satisfaction
 * rate of the year (satisfied and basically satisfied over the rated errands) is below the setting
 * {@code weakLaxSatisfactionBelow} percent. A village with no rated errand has no rate and does not meet it.
 */
final class SatisfactionPolicy {

	private SatisfactionPolicy() {
	}

	/** Below the threshold, in whole-number arithmetic so 60 % of 5 rated is exactly 3. */
	public static boolean low(long satisfied, long basic, long unsatisfied, int belowPercent) {
		long rated = satisfied + basic + unsatisfied;
		return rated > 0 && (satisfied + basic) * 100 < (long) belowPercent * rated;
	}

	/** The reason the candidate list shows, e.g. "2026年为民办事满意率 52.0%，低于 60%（已评价 25 件，满意 13 件）". */
	public static String reason(int year, long satisfied, long basic, long unsatisfied, int belowPercent) {
		long rated = satisfied + basic + unsatisfied;
		double rate = ErrandPolicy.satisfactionRate(satisfied, basic, unsatisfied);
		return String.format(Locale.ROOT, "%d年为民办事满意率 %.1f%%，低于 %d%%（已评价 %d 件，满意和基本满意 %d 件）", year,
				rate * 100, belowPercent, rated, satisfied + basic);
	}
}
