package cn.jiceng.scoring;

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
		if (index >= settings.gradeExcellentAt()) {
			return EXCELLENT;
		}
		if (index >= settings.gradeQualifiedAt()) {
			return QUALIFIED;
		}
		if (index >= settings.gradeBasicAt()) {
			return BASIC;
		}
		return WARNING;
	}
}
