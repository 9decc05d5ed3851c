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
}
