package cn.jiceng.assessment;

/** Grades of the secretary year-end appraisal (述职评议, SPEC.md §4.7). */
public enum SecretaryGrade {

	GOOD("好"), FAIRLY_GOOD("较好"), AVERAGE("一般"), POOR("差");

	private final String label;

	SecretaryGrade(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
