package cn.jiceng.assessment;

/** Grades of the cadre contact appraisal ("树根" 100 points, SPEC.md §4.7). */
public enum CadreGrade {

	EXCELLENT("优秀"), GOOD("良好"), FAIR("一般"), POOR("较差");

	private final String label;

	CadreGrade(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
