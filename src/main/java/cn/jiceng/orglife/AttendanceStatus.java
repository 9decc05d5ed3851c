package cn.jiceng.orglife;

/** A member's attendance at one meeting (SPEC.md §4.2). */
public enum AttendanceStatus {
	PRESENT("出席"),
	LATE_OR_EARLY("迟到早退"),
	LEAVE("请假"),
	ABSENT("缺席"),
	REMOTE("三信联系");

	private final String label;

	AttendanceStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
