package cn.jiceng.masswork;

/** Where a service errand (民事代办) stands: received, answered with a promised date, or done. */
public enum ErrandStatus {
	RECEIVED("已受理"),
	DEFERRED("已答复待办"),
	DONE("已办结");

	private final String label;

	ErrandStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
