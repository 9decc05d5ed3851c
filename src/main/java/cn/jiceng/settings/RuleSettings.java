package cn.jiceng.settings;

import java.util.Map;

/**
 * Every rule number of SPEC.md §4, as in force for one county and one year. Defaults are the SPEC's;
 * a county overrides any subset per year (audited). Rules take their numbers from here and nowhere else.
 */
public record RuleSettings(
		// §4.1 organizations
		int joinBranchBelowFullMembers,
		int upgradeToGeneralBranchAbove,
		int upgradeToCommitteeAt,
		int inactiveAfterMonths,
		int termYearsCommittee,
		int termYearsBranch,
		int termYearsRuralCommunity,
		int termExpiringWithinMonths,
		// §4.2 organizational life
		int committeeMeetingMinFullMembers,
		String partyLecturePeriod,
		int ruralMissedThemedDayDeductionYuan,
		int agencyMissedThemedDaysForDisqualification,
		int backfillDays,
		int themedDayReminderFromDay,
		// §4.3 vanguard index
		int warningBelow,
		int bonusCapPerYear,
		int gradeExcellentAt,
		int gradeQualifiedAt,
		int gradeBasicAt,
		Map<String, Integer> themedDayDeductions,
		Map<String, Integer> meetingDeductions,
		int secretaryMinLecturesPerYear,
		// §4.4 dues
		int duesArrearsMonths,
		int duesMaxMonthsAheadOrBehind) {

	public static final String PERIOD_QUARTER = "QUARTER";
	public static final String PERIOD_YEAR = "YEAR";

	public RuleSettings {
		themedDayDeductions = Map.copyOf(themedDayDeductions);
		meetingDeductions = Map.copyOf(meetingDeductions);
	}

	public static RuleSettings defaults() {
		return new RuleSettings(3, 50, 100, 3, 5, 3, 5, 6,
				7, PERIOD_QUARTER, 500, 2, 30, 20,
				60, 20, 90, 75, 60,
				Map.of("LEAVE", -2, "LATE_OR_EARLY", -3, "ABSENT", -10),
				Map.of("LEAVE", -1, "LATE_OR_EARLY", -1, "ABSENT", -5),
				2,
				6, 6);
	}

	/** Deduction for an attendance status at a themed day; 0 for PRESENT, REMOTE or an unknown code. */
	public int themedDayDeduction(String status) {
		return themedDayDeductions.getOrDefault(status, 0);
	}

	/** Deduction for an attendance status at another required meeting. */
	public int meetingDeduction(String status) {
		return meetingDeductions.getOrDefault(status, 0);
	}
}
