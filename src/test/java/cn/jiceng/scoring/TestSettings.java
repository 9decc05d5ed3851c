package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.BONUS_CAP_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.GRADE_BASIC_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_EXCELLENT_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_QUALIFIED_AT;
import static cn.jiceng.settings.RuleCatalog.MEETING_DEDUCTIONS;
import static cn.jiceng.settings.RuleCatalog.SECRETARY_MIN_LECTURES_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.THEMED_DAY_DEDUCTIONS;
import static cn.jiceng.settings.RuleCatalog.WARNING_BELOW;

import java.util.Map;

import cn.jiceng.settings.RuleSettings;

/** Copies of the defaults with §4.3 numbers changed, as a county's settings for another year would be. */
final class TestSettings {

	private TestSettings() {
	}

	static RuleSettings scoring(int warningBelow, int bonusCap, int excellentAt, int qualifiedAt, int basicAt,
			Map<String, Integer> themedDay, Map<String, Integer> meetings, int minLectures) {
		return RuleSettings.defaults()
			.with(WARNING_BELOW, warningBelow)
			.with(BONUS_CAP_PER_YEAR, bonusCap)
			.with(GRADE_EXCELLENT_AT, excellentAt)
			.with(GRADE_QUALIFIED_AT, qualifiedAt)
			.with(GRADE_BASIC_AT, basicAt)
			.with(THEMED_DAY_DEDUCTIONS, themedDay)
			.with(MEETING_DEDUCTIONS, meetings)
			.with(SECRETARY_MIN_LECTURES_PER_YEAR, minLectures);
	}

	static RuleSettings withBonusCap(int bonusCap) {
		return RuleSettings.defaults().with(BONUS_CAP_PER_YEAR, bonusCap);
	}
}
