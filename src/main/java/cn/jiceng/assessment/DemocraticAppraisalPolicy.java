package cn.jiceng.assessment;

import static cn.jiceng.settings.RuleCatalog.DEMOCRATIC_EXCELLENT_DIVISOR;

import java.util.Objects;

import cn.jiceng.settings.RuleSettings;

/**
 * The members' democratic appraisal (民主评议党员, SPEC.md §4.7): a yearly grade per full member; 优秀 for at most
 * ⌊full members of the branch on the roll / {@code democraticExcellentDivisor}⌋ (one third by default, rounded down);
 * probationary members are not graded.
 */
final class DemocraticAppraisalPolicy {

	/** A grade allowed, or refused with the reason. */
	public record Decision(boolean allowed, String reason) {

		static final Decision OK = new Decision(true, null);

		static Decision refused(String reason) {
			return new Decision(false, reason);
		}
	}

	private final RuleSettings settings;

	public DemocraticAppraisalPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** The most 优秀 a branch may give: its full members on the roll divided by the setting, rounded down. */
	public int excellentCap(int fullMembers) {
		return Math.max(0, fullMembers) / settings.get(DEMOCRATIC_EXCELLENT_DIVISOR);
	}

	/** Probationary members take part in the appraisal but get no grade. */
	public Decision mayGrade(boolean probationary) {
		return probationary ? Decision.refused("预备党员参加民主评议，但不评定等次") : Decision.OK;
	}

	/**
	 * Whether the branch's 优秀, counted with the grades being given ({@code excellent}), stays within the cap of its
	 * {@code fullMembers}.
	 */
	public Decision excellentWithinCap(int excellent, int fullMembers) {
		int cap = excellentCap(fullMembers);
		if (excellent <= cap) {
			return Decision.OK;
		}
		int divisor = settings.get(DEMOCRATIC_EXCELLENT_DIVISOR);
		return Decision.refused("评为“优秀”的党员不得超过本支部正式党员（" + fullMembers + "名）的" + fraction(divisor)
				+ "，最多" + cap + "名，本次评定后将有" + excellent + "名");
	}

	private static String fraction(int divisor) {
		String[] digits = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
		String d = divisor <= 10 ? digits[divisor] : divisor < 20 ? "十" + digits[divisor - 10] : "二十";
		return d + "分之一";
	}
}
