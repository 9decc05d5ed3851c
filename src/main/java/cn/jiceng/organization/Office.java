package cn.jiceng.organization;

/** Posts of an organization's leadership (班子, SPEC.md §4.6). */
public enum Office {
	SECRETARY("书记"),
	DEPUTY_SECRETARY("副书记"),
	ORGANIZATION_MEMBER("组织委员"),
	COMMITTEE_MEMBER("委员");

	private final String label;

	Office(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
