package cn.jiceng.assessment;

/** Grades of the members' democratic appraisal (民主评议党员, SPEC.md §4.7). */
public enum DemocraticGrade {

	EXCELLENT("优秀"), QUALIFIED("合格"), BASIC("基本合格"), UNQUALIFIED("不合格");

	private final String label;

	DemocraticGrade(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
