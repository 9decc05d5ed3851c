package cn.jiceng.masswork;

/** What a village decision is about (the matters 四议两公开 covers, RULES.md §7.1). */
public enum DecisionCategory {
	PLAN("发展规划"),
	LAND("土地事项"),
	ASSETS("集体资产"),
	PROJECT("建设项目"),
	VILLAGE_RULES("村规民约"),
	OTHER("其他重大事项");

	private final String label;

	DecisionCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
