package cn.jiceng.supervision;

/** A micro-wish (微心愿) of a pairing's site: posted, claimed by a member, completed. */
public enum WishStatus {
	POSTED("待认领"),
	CLAIMED("已认领"),
	COMPLETED("已完成");

	private final String label;

	WishStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
