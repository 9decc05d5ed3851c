package cn.jiceng.organization;

/** The field (领域) an organization works in (SPEC.md §2). */
public enum Field {
	RURAL("农村"),
	COMMUNITY("社区"),
	AGENCY("机关"),
	INSTITUTION("事业单位"),
	ENTERPRISE("企业"),
	SOCIAL("社会组织"),
	TEMPORARY("临时党组织"),
	MOBILE("流动党员党支部");

	private final String label;

	Field(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Village and community bodies serve 5-year terms (中办 2018 notice). */
	public boolean isVillageOrCommunity() {
		return this == RURAL || this == COMMUNITY;
	}
}
