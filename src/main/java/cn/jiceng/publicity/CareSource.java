package cn.jiceng.publicity;

/** Where money of a care fund comes from (关心关爱法). */
public enum CareSource {

	CROWDFUNDING("党员众筹"),
	RETAINED_REWARD("奖励留存"),
	DUES_RETURN("党费返还"),
	DONATION("社会捐助");

	private final String label;

	CareSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
