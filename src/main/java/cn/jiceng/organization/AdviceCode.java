package cn.jiceng.organization;

/** Organization-setting advice (组织优化, SPEC.md §4.1); the codes are those of the advice endpoint. */
public enum AdviceCode {
	JOIN_BRANCH("建议组建联合党支部"),
	UPGRADE_TO_GENERAL_BRANCH("建议拆分支部或升格为党总支"),
	UPGRADE_TO_COMMITTEE("建议升格为基层党委"),
	INACTIVE("组织生活不正常（疑似空壳支部）"),
	TERM_EXPIRING("任期即将届满"),
	TERM_OVERDUE("任期届满未换届");

	private final String label;

	AdviceCode(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
