package cn.jiceng.assessment;

/** What an interview (约谈) follows from: a bottom rank in a published inspection round, or a yellow card. */
public enum InterviewSource {

	INSPECTION("通报排名靠后"), SECRETARY_APPRAISAL("述职评议黄牌");

	private final String label;

	InterviewSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
