package cn.jiceng.scoring;

/** State of a monthly point claim (积分申报). */
public enum ClaimStatus {
	PENDING("待审核"),
	APPROVED("已通过"),
	REJECTED("已驳回");

	private final String label;

	ClaimStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
