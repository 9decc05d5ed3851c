package cn.jiceng.assessment;

/** What finalization of the secretary appraisal gives an organization: 流动红旗 or 黄牌 (SPEC.md §4.7). */
public enum AppraisalAward {

	RED_FLAG("流动红旗"), YELLOW_CARD("黄牌");

	private final String label;

	AppraisalAward(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
