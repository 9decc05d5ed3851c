package cn.jiceng.dues;

/** How a payment was received (API.md: CASH, BANK, MOBILE_APP). */
public enum PaymentChannel {
	CASH("现金"),
	BANK("银行转账"),
	MOBILE_APP("手机客户端");

	private final String label;

	PaymentChannel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
