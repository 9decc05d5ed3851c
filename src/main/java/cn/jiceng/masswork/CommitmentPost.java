package cn.jiceng.masswork;

/** The post a member takes with a public commitment (党员示范岗, 责任区, 护绿岗). */
public enum CommitmentPost {
	MODEL_POST("示范岗"),
	RESPONSIBILITY_AREA("责任区"),
	GREEN_GUARD("护绿岗");

	private final String label;

	CommitmentPost(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
