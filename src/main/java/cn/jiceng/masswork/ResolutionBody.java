package cn.jiceng.masswork;

/** Who resolves a village decision: the villagers' meeting or the villagers' representatives' meeting. */
public enum ResolutionBody {
	VILLAGERS_MEETING("村民会议"),
	REPRESENTATIVES("村民代表会议");

	private final String label;

	ResolutionBody(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
