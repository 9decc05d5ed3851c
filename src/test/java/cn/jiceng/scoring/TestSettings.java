package cn.jiceng.scoring;

import java.util.Map;

import cn.jiceng.settings.RuleSettings;

/** Copies of the defaults with §4.3 numbers changed, as a county's settings for another year would be. */
final class TestSettings {

	private TestSettings() {
	}

	static RuleSettings scoring(int warningBelow, int bonusCap, int excellentAt, int qualifiedAt, int basicAt,
			Map<String, Integer> themedDay, Map<String, Integer> meetings, int minLectures) {
		RuleSettings d = RuleSettings.defaults();
		return new RuleSettings(d.joinBranchBelowFullMembers(), d.upgradeToGeneralBranchAbove(),
				d.upgradeToCommitteeAt(), d.inactiveAfterMonths(), d.termYearsCommittee(), d.termYearsBranch(),
				d.termYearsRuralCommunity(), d.termExpiringWithinMonths(), d.committeeMeetingMinFullMembers(),
				d.partyLecturePeriod(), d.ruralMissedThemedDayDeductionYuan(),
				d.agencyMissedThemedDaysForDisqualification(), d.backfillDays(), d.themedDayReminderFromDay(),
				warningBelow, bonusCap, excellentAt, qualifiedAt, basicAt, themedDay, meetings, minLectures,
				d.duesArrearsMonths(), d.duesMaxMonthsAheadOrBehind());
	}

	static RuleSettings withBonusCap(int bonusCap) {
		RuleSettings d = RuleSettings.defaults();
		return scoring(d.warningBelow(), bonusCap, d.gradeExcellentAt(), d.gradeQualifiedAt(), d.gradeBasicAt(),
				d.themedDayDeductions(), d.meetingDeductions(), d.secretaryMinLecturesPerYear());
	}
}
