package cn.jiceng.development;

/** The written conclusion of a political review (政治审查结论, step 10). */
public enum ReviewConclusion {
	PASSED("合格"),
	FAILED("不合格");

	private final String label;

	ReviewConclusion(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
