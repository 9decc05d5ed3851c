package cn.jiceng.assessment;

/** An item of a star standard scored by the platform from its own records (SPEC.md §4.7). */
public enum StarIndicator {

	/** Points × the branch's yearly ledger compliance rate (compliant months over ended months with members). */
	COMPLIANCE_RATE("组织生活台账达标率"),
	/** Points × the paid share of due member-months of the year's ended months. */
	DUES_PAID_RATE("党费按月交纳率"),
	/** Points × (1 − warning members / members with a vanguard index that year). */
	WARNING_FREE("无警示党员比例");

	private final String label;

	StarIndicator(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
