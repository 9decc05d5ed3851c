package cn.jiceng.supervision;

/** What a pairing records for its site besides micro-wishes: a service, or a difficulty solved. */
public enum PairingActivityKind {
	SERVICE("服务"),
	DIFFICULTY("解决困难");

	private final String label;

	PairingActivityKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
