package cn.jiceng.organization;

/** Kinds of party organization (SPEC.md §2). */
public enum OrgKind {
	COMMITTEE("基层党委"),
	GENERAL_BRANCH("党总支"),
	BRANCH("党支部"),
	GROUP("党小组");

	private final String label;

	OrgKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
