package cn.jiceng.supervision;

/** The three lists (三张清单) a village organization keeps each year. */
public enum DutyListKind {
	ORGANIZATION("组织职责清单"),
	MEMBER("党员责任清单"),
	LIVELIHOOD("民生实事清单");

	private final String label;

	DutyListKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
