package cn.jiceng.publicity;

/** The form of a night-study session (充电学习法). */
public enum StudyForm {

	EXPERT_LECTURE("专家授课"),
	LEADER_LED("领导领学"),
	ROTATING_LECTURE("轮流讲学"),
	EXCHANGE("交流研讨"),
	ONLINE("线上学习");

	private final String label;

	StudyForm(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
