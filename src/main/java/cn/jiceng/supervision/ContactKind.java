package cn.jiceng.supervision;

/** The four kinds of contact assignment (挂联包帮, SPEC.md §4.8) and the kind of organization each one targets. */
public enum ContactKind {
	LEADER_TO_TOWNSHIP("县领导联系乡镇"),
	DEPARTMENT_TO_VILLAGE("部门包村"),
	TOWNSHIP_MEMBER_TO_BRANCH("乡镇班子成员联系支部"),
	FIRST_SECRETARY_TO_VILLAGE("第一书记驻村");

	private final String label;

	ContactKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
