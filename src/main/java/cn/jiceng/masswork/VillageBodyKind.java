package cn.jiceng.masswork;

/** The three bodies of the village "135" model (seed 003): 村民委员会, 村民议事会, 村务监督委员会. */
public enum VillageBodyKind {
	VILLAGE_COMMITTEE("村民委员会"),
	VILLAGERS_COUNCIL("村民议事会"),
	SUPERVISION_COMMITTEE("村务监督委员会");

	private final String label;

	VillageBodyKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
