package cn.jiceng.supervision;

/** What a contact assignment's cadre logs (the county leader's "五个一" and the visits of the others). */
public enum ContactActivityKind {
	RESEARCH_DAY("调研日"),
	DISPATCH_MEETING("调度会"),
	PROBLEM_SOLVED("解决问题"),
	RESEARCH_REPORT("调研报告"),
	LIFE_MEETING_GUIDED("指导民主（组织）生活会"),
	VISIT("走访");

	private final String label;

	ContactActivityKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
