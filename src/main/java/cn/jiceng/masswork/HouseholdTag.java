package cn.jiceng.masswork;

/** What the ledger marks a household as (SPEC.md §4.9); the codes of {@code household.tags}. */
public enum HouseholdTag {
	POOR("脱贫户"),
	LOW_INCOME("低保户"),
	LEFT_BEHIND("留守"),
	ELDERLY_ALONE("独居老人"),
	DISABLED("残疾");

	private final String label;

	HouseholdTag(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
