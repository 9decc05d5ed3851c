package cn.jiceng.member;

public enum MemberCategory {
	FULL("正式党员"),
	PROBATIONARY("预备党员");

	private final String label;

	MemberCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
