package cn.jiceng.supervision;

/** The stages of a listed weak-and-lax organization (整顿、转化、巩固、销号), in order. */
public enum WeakLaxStatus {
	RECTIFYING("整顿中"),
	TRANSFORMED("已转化"),
	CONSOLIDATED("已巩固"),
	CLOSED("已销号");

	private final String label;

	WeakLaxStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
