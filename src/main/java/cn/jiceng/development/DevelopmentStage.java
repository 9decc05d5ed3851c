package cn.jiceng.development;

/** Where a record book stands (SPEC.md §4.5), derived from its steps; {@code CANCELLED} ends a record. */
public enum DevelopmentStage {
	APPLICANT("入党申请人"),
	ACTIVIST("入党积极分子"),
	CANDIDATE("发展对象"),
	PROBATIONARY("预备党员"),
	FULL("正式党员"),
	CANCELLED("已终止");

	private final String label;

	DevelopmentStage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** A record still in progress (API.md: not {@code FULL} and not {@code CANCELLED}). */
	public boolean open() {
		return this != FULL && this != CANCELLED;
	}
}
