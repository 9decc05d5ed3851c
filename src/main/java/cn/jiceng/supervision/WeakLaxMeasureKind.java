package cn.jiceng.supervision;

/** The three kinds of help (三帮) a listed organization gets from its helpers. */
public enum WeakLaxMeasureKind {
	STRENGTHEN_TEAM("帮强班子"),
	GROW_INDUSTRY("帮大产业"),
	ENRICH_PEOPLE("帮富群众");

	private final String label;

	WeakLaxMeasureKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
