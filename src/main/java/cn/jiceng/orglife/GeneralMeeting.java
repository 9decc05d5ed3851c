package cn.jiceng.orglife;

/** General meetings where remote reports do not stand in for attendance. */
public enum GeneralMeeting {
	JULY_FIRST("七一党员大会"),
	SPRING_FESTIVAL("春节党员大会");

	private final String label;

	GeneralMeeting(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
