package cn.jiceng.supervision;

/** The follow-up rhythm of an assigned problem: 一月随访、一季督促、半年考核、年终总评. */
public enum FollowUpKind {
	MONTHLY_VISIT("一月随访"),
	QUARTERLY_URGE("一季督促"),
	HALF_YEAR_REVIEW("半年考核"),
	YEAR_END_REVIEW("年终总评");

	private final String label;

	FollowUpKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
