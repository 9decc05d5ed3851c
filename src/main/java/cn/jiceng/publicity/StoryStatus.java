package cn.jiceng.publicity;

/** A story's way from its branch to the county's booklet. */
public enum StoryStatus {

	SUBMITTED("已提交"),
	COMPILED("乡镇已汇编"),
	SELECTED("县级入选");

	private final String label;

	StoryStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
