package cn.jiceng.member;

/** 党籍 and roster statuses; only the first three still count as members of their branch. */
public enum MemberStatus {
	NORMAL("正常"),
	SUSPENDED("停止党籍"),
	LOST_CONTACT("失联"),
	TRANSFERRED_OUT("已转出"),
	DECEASED("已故");

	private final String label;

	MemberStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean onRoll() {
		return this == NORMAL || this == SUSPENDED || this == LOST_CONTACT;
	}
}
