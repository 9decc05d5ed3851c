package cn.jiceng.publicity;

/** A movement of a care fund: money in or money out. */
public enum MovementKind {

	CONTRIBUTION("收入"),
	DISBURSEMENT("支出");

	private final String label;

	MovementKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
