package cn.jiceng.masswork;

/** The requester's verdict on a done errand; satisfied and basically satisfied count as satisfied in the rate. */
public enum Satisfaction {
	SATISFIED("满意"),
	BASIC("基本满意"),
	UNSATISFIED("不满意");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	boolean counts() {
		return this != UNSATISFIED;
	}
}
