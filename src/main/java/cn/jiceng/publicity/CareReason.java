package cn.jiceng.publicity;

/** Why a care fund pays out: 生病有人看、困难有人帮、去世有人送. */
public enum CareReason {

	ILLNESS("生病慰问"),
	HARDSHIP("困难帮扶"),
	FUNERAL("去世送别");

	private final String label;

	CareReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
