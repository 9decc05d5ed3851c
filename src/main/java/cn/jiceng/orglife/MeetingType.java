package cn.jiceng.orglife;

/** Types of organizational-life meeting (三会一课, 主题党日, 组织生活会, 民主评议). */
public enum MeetingType {
	THEMED_DAY("主题党日"),
	BRANCH_ASSEMBLY("支部党员大会"),
	COMMITTEE_MEETING("支委会"),
	GROUP_MEETING("党小组会"),
	PARTY_LECTURE("党课"),
	LIFE_MEETING("组织生活会"),
	DEMOCRATIC_APPRAISAL("民主评议党员");

	private final String label;

	MeetingType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * The meetings of 三会一课 (支部党员大会、支委会、党小组会) open with the 第一议题 (RULES.md §7.3), so their record
	 * names it; the API leaves the field optional for the other types and the pages ask for it on these.
	 */
	public boolean firstTopicExpected() {
		return this == BRANCH_ASSEMBLY || this == COMMITTEE_MEETING || this == GROUP_MEETING;
	}
}
