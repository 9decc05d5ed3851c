package cn.jiceng.assessment;

/** 自评 → 评星 → 定星 → 挂星/亮星: the yearly cycle of one organization's star assessment. */
public enum StarStatus {

	SELF_ASSESSED("已自评"), REVIEWED("乡镇已评星"), CONFIRMED("县级已定星"), PUBLISHED("已挂星");

	private final String label;

	StarStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Confirmed or published: the stars are frozen and count in the distribution. */
	public boolean rated() {
		return this == CONFIRMED || this == PUBLISHED;
	}
}
