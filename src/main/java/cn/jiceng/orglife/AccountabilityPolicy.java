package cn.jiceng.orglife;

import static cn.jiceng.settings.RuleCatalog.AGENCY_MISSED_THEMED_DAYS_FOR_DISQUALIFICATION;
import static cn.jiceng.settings.RuleCatalog.RURAL_MISSED_THEMED_DAY_DEDUCTION_YUAN;

import cn.jiceng.organization.Field;
import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Secretary accountability (棒打支书法, SPEC.md §4.2): an ended branch-month without a themed day and without
 * an exemption approved by a higher organization is a missed themed day. RURAL: a pay deduction per miss and
 * the county bulletin; AGENCY: no awards that year from the configured number of misses; other fields are
 * listed without a sanction, as the seed names only these two.
 */
final class AccountabilityPolicy {

	public record Assessment(Field field, int year, List<YearMonth> missedMonths, List<YearMonth> exemptedMonths,
			int deductionYuan, boolean onCountyBulletin, boolean awardsDisqualified, List<String> reasons) {

		public Assessment {
			missedMonths = List.copyOf(missedMonths);
			exemptedMonths = List.copyOf(exemptedMonths);
			reasons = List.copyOf(reasons);
		}

		/** Whether the branch belongs in the accountability list (API: at least one missed month). */
		public boolean listed() {
			return !missedMonths.isEmpty();
		}
	}

	private final RuleSettings settings;

	/** {@code settings}: those in force for the assessed year. */
	public AccountabilityPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	public Assessment assess(Field field, int year, Collection<LocalDate> themedDaysHeld,
			Collection<YearMonth> exemptedMonths, LocalDate today) {
		return assess(field, year, themedDaysHeld, exemptedMonths, today, YearMonth.of(year, 1));
	}

	/**
	 * @param firstAccountableMonth months before it are not counted: a branch founded (or a secretary
	 *        appointed over a new branch) mid-year answers only from then on
	 */
	public Assessment assess(Field field, int year, Collection<LocalDate> themedDaysHeld,
			Collection<YearMonth> exemptedMonths, LocalDate today, YearMonth firstAccountableMonth) {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(today, "today");
		Objects.requireNonNull(firstAccountableMonth, "firstAccountableMonth");
		Set<YearMonth> held = themedDaysHeld.stream().map(YearMonth::from).collect(Collectors.toSet());
		Set<YearMonth> exempted = Set.copyOf(exemptedMonths);
		YearMonth current = YearMonth.from(today);
		List<YearMonth> missed = new ArrayList<>();
		List<YearMonth> excused = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			YearMonth month = YearMonth.of(year, m);
			// Only ended months count: the current month still has days to hold its themed day.
			if (!month.isBefore(current) || month.isBefore(firstAccountableMonth) || held.contains(month)) {
				continue;
			}
			if (exempted.contains(month)) {
				excused.add(month);
				reasons.add(month + " 未开展主题党日，已经上级党组织批准免责");
			} else {
				missed.add(month);
				reasons.add(month + " 未开展主题党日");
			}
		}
		int deduction = 0;
		boolean bulletin = false;
		boolean disqualified = false;
		int count = missed.size();
		if (count > 0) {
			switch (field) {
				case RURAL -> {
					deduction = count * settings.get(RURAL_MISSED_THEMED_DAY_DEDUCTION_YUAN);
					bulletin = true;
					reasons.add("农村党组织书记少组织主题党日" + count + "次，每次扣基本报酬"
							+ settings.get(RURAL_MISSED_THEMED_DAY_DEDUCTION_YUAN) + "元，共扣" + deduction + "元，并全县通报");
				}
				case AGENCY -> {
					int threshold = settings.get(AGENCY_MISSED_THEMED_DAYS_FOR_DISQUALIFICATION);
					disqualified = count >= threshold;
					reasons.add("机关党组织书记全年少组织主题党日" + count + "次"
							+ (disqualified ? "，达到" + threshold + "次，取消当年评优评先资格"
									: "，未达到取消评优评先的" + threshold + "次"));
				}
				default -> reasons.add(field.label() + "党组织少组织主题党日" + count + "次，列入名单，无扣薪或取消评优规定");
			}
		}
		return new Assessment(field, year, missed, excused, deduction, bulletin, disqualified, reasons);
	}
}
