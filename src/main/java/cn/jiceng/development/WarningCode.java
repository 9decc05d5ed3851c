package cn.jiceng.development;

/** The soft rules of SPEC.md §4.5 (API.md warning codes). */
public enum WarningCode {
	TALK_OVERDUE("谈话超期"),
	ASSESSMENT_OVERDUE("考察超期"),
	APPROVAL_OVERDUE("审批超期"),
	CONVERSION_OVERDUE("转正超期");

	private final String label;

	WarningCode(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
