package cn.jiceng.access;

/** Roles of SPEC.md §1, ranked so that "never a role above the caller's own" is a comparison. */
public enum Role {
	MEMBER("党员", 1),
	CADRE("驻村干部", 2),
	INSPECTOR("巡查组", 2),
	BRANCH_SECRETARY("支部书记", 3),
	TOWNSHIP_ADMIN("乡镇管理员", 4),
	COUNTY_ADMIN("县级管理员", 5);

	private final String label;
	private final int rank;

	Role(String label, int rank) {
		this.label = label;
		this.rank = rank;
	}

	public String label() {
		return label;
	}

	public int rank() {
		return rank;
	}

	public boolean isAdmin() {
		return this == COUNTY_ADMIN || this == TOWNSHIP_ADMIN;
	}

	/** Township or county accounts: the ones allowed to back-fill late records and touch ended quarters. */
	public boolean isTownshipOrHigher() {
		return rank >= TOWNSHIP_ADMIN.rank;
	}

	public boolean canGrant(Role other) {
		return rank >= other.rank;
	}
}
