package cn.jiceng.assessment;

import static cn.jiceng.settings.RuleCatalog.DUES_ARREARS_MONTHS;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.jiceng.settings.RuleSettings;

/**
 * Eligibility for a commendation (评优评先, SPEC.md §4.7): every reason that rules a nominee out, never just the
 * first. A member: a warning member or a veto that year, a run of unpaid dues months reaching
 * {@code duesArrearsMonths}, or the secretary of a branch disqualified by secretary accountability that year. An
 * organization: a missed themed day that year in its subtree, the weak-and-lax list, or a confirmed assessment
 * under three stars (no confirmed assessment is not a reason).
 */
final class CommendationPolicy {

	public static final int MIN_STARS = 3;

	public record Reason(String code, String message) {
	}

	/**
	 * @param indexed            whether the member has a vanguard index that year (on the roll that year)
	 * @param vetoReasons        the veto entries (一票否决) of the year, by their reason
	 * @param unpaidMonths       the run of consecutive unpaid months up to {@code arrearsAsOf}
	 * @param disqualifiedAt     names of the branches disqualified by accountability whose secretary the member was
	 */
	public record MemberFacts(int year, boolean indexed, int index, boolean warning, List<String> vetoReasons,
			int unpaidMonths, String arrearsAsOf, List<String> disqualifiedAt) {

		public MemberFacts {
			vetoReasons = List.copyOf(vetoReasons);
			disqualifiedAt = List.copyOf(disqualifiedAt);
		}
	}

	/**
	 * @param missedThemedDays   "branch month" of every missed themed day (not exempted) in the subtree that year
	 * @param confirmedStars     stars as read of the confirmed or published assessment of that year, or null
	 */
	public record OrganizationFacts(int year, List<String> missedThemedDays, boolean weakAndLax,
			Integer confirmedStars) {

		public OrganizationFacts {
			missedThemedDays = List.copyOf(missedThemedDays);
		}
	}

	private final RuleSettings settings;

	/** {@code settings}: those in force for the commendation's year. */
	public CommendationPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	public List<Reason> member(MemberFacts f) {
		List<Reason> reasons = new ArrayList<>();
		if (f.indexed() && f.warning()) {
			reasons.add(new Reason("WARNING_MEMBER", f.year() + "年先锋指数为" + f.index() + "分，属警示党员"));
		}
		if (!f.vetoReasons().isEmpty()) {
			reasons.add(new Reason("VETO", f.year() + "年有一票否决事项：" + String.join("；", f.vetoReasons())));
		}
		int threshold = settings.get(DUES_ARREARS_MONTHS);
		if (f.unpaidMonths() >= threshold) {
			reasons.add(new Reason("DUES_ARREARS", "截至" + f.arrearsAsOf() + "已连续" + f.unpaidMonths() + "个月未交纳党费（"
					+ threshold + "个月及以上不得评优）"));
		}
		if (!f.disqualifiedAt().isEmpty()) {
			reasons.add(new Reason("SECRETARY_DISQUALIFIED", f.year() + "年任" + String.join("、", f.disqualifiedAt())
					+ "书记期间少组织主题党日，按“棒打支书”规定取消当年评优评先资格"));
		}
		return reasons;
	}

	public List<Reason> organization(OrganizationFacts f) {
		List<Reason> reasons = new ArrayList<>();
		if (!f.missedThemedDays().isEmpty()) {
			reasons.add(new Reason("MISSED_THEMED_DAY", f.year() + "年有未开展主题党日的月份：" + summary(f.missedThemedDays())));
		}
		if (f.weakAndLax()) {
			reasons.add(new Reason("WEAK_AND_LAX", "列入" + f.year() + "年软弱涣散党组织名单"));
		}
		if (f.confirmedStars() != null && f.confirmedStars() < MIN_STARS) {
			reasons.add(new Reason("BELOW_THREE_STARS", f.year() + "年评定为" + f.confirmedStars() + "星，低于三星"));
		}
		return reasons;
	}

	private static String summary(List<String> items) {
		int shown = Math.min(items.size(), 6);
		String text = String.join("、", items.subList(0, shown));
		return items.size() > shown ? text + " 等" + items.size() + "处" : text;
	}
}
