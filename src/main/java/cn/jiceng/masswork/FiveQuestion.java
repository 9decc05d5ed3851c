package cn.jiceng.masswork;

/** 五问 (seed 003): what a visiting cadre asks the household; the codes of {@code household_visit.questions}. */
public enum FiveQuestion {
	THINKING("问群众想什么"),
	HOPING("问群众盼什么"),
	DOING("问群众干什么"),
	WORRYING("问群众愁什么"),
	NEEDING("问群众需什么");

	private final String label;

	FiveQuestion(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
