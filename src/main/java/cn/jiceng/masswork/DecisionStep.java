package cn.jiceng.masswork;

/** The six steps of 四议两公开 (RULES.md §7.1), in their order. */
public enum DecisionStep {
	PROPOSAL("村党组织提议"),
	DELIBERATION("村“两委”会议商议"),
	MEMBERS_REVIEW("党员大会审议"),
	VILLAGERS_RESOLUTION("村民会议或村民代表会议决议"),
	RESOLUTION_DISCLOSED("决议公开"),
	RESULT_DISCLOSED("实施结果公开");

	private final String label;

	DecisionStep(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The step's label as a decision shows it: the combined first step of 一肩挑 villages names both meetings. */
	public String label(boolean combinedProposal) {
		return combinedProposal && this == PROPOSAL ? "村党组织提议并经“两委”商议（一肩挑合并）" : label;
	}

	public boolean isVote() {
		return this == MEMBERS_REVIEW || this == VILLAGERS_RESOLUTION;
	}

	public boolean isDisclosure() {
		return this == RESOLUTION_DISCLOSED || this == RESULT_DISCLOSED;
	}
}
