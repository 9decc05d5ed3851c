package cn.jiceng.assessment;

import cn.jiceng.organization.OrgKind;

/**
 * The three kinds of inspection round of 通报排名法 (SPEC.md §4.7) and the organizations each one ranks: 定期赛 the
 * township party committees (their secretaries), 经常赛 the village branches and general branches (their
 * secretaries), 专题赛 any organization but a party group.
 */
public enum InspectionKind {

	REGULAR("定期赛", "乡镇党委"), FREQUENT("经常赛", "村（社区）党支部或党总支"), THEMATIC("专题赛", "党委、党总支或党支部");

	private final String label;
	private final String targets;

	InspectionKind(String label, String targets) {
		this.label = label;
		this.targets = targets;
	}

	public String label() {
		return label;
	}

	/** Who the kind ranks, for refusals and pages. */
	public String targets() {
		return targets;
	}

	public boolean accepts(OrgKind kind) {
		return switch (this) {
			case REGULAR -> kind == OrgKind.COMMITTEE;
			case FREQUENT -> kind == OrgKind.BRANCH || kind == OrgKind.GENERAL_BRANCH;
			case THEMATIC -> kind != OrgKind.GROUP;
		};
	}
}
