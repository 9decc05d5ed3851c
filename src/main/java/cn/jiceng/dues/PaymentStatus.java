package cn.jiceng.dues;

/** State of one month in a member's dues ledger. */
enum PaymentStatus {
	PAID("已交"),
	UNPAID("未交"),
	/** Before the member's first dues base: nothing was due. */
	NONE("无需交纳");

	private final String label;

	PaymentStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
