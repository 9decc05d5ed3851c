package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.GRADE_BASIC_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_EXCELLENT_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_QUALIFIED_AT;

import cn.jiceng.settings.RuleSettings;

/** Year-end grade of a vanguard index (SPEC.md §4.3); thresholds come from the year's settings. */
public enum Grade {
	EXCELLENT("优秀"),
	QUALIFIED("合格"),
	BASIC("基本合格"),
	WARNING("警示");

	private final String label;

	Grade(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Grade of(int index, RuleSettings settings) {
		if (index >= settings.get(GRADE_EXCELLENT_AT)) {
			return EXCELLENT;
		}
		if (index >= settings.get(GRADE_QUALIFIED_AT)) {
			return QUALIFIED;
		}
		if (index >= settings.get(GRADE_BASIC_AT)) {
			return BASIC;
		}
		return WARNING;
	}
}
