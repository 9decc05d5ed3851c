package cn.jiceng.supervision;

/** Where an assigned problem stands (API.md "Responsibility and supervision"). */
public enum ProblemStatus {
	OPEN("整改中"),
	RECTIFIED("待验收"),
	CLOSED("已销号");

	private final String label;

	ProblemStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
