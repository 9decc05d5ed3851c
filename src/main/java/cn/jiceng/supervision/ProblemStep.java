package cn.jiceng.supervision;

/** A step in a problem's history: the assignee's report and the issuing side's verdicts. */
public enum ProblemStep {
	RECTIFIED("报告整改"),
	ACCEPTED("验收通过"),
	REOPENED("验收未通过，重新整改");

	private final String label;

	ProblemStep(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
