package cn.jiceng.masswork;

/**
 * 每年至少走访全村所有农户两次 (seed 003): a household is visited enough in a year when it has at least the county's
 * required number of visits dated in it (setting {@code householdVisitsPerYear}).
 */
record VisitCoverage(int requiredVisits) {

	public VisitCoverage {
		if (requiredVisits < 1) {
			throw new IllegalArgumentException("requiredVisits");
		}
	}

	public boolean enough(long visits) {
		return visits >= requiredVisits;
	}

	/** Households visited enough over all households; null for a ledger without households (API.md rates). */
	public static Double rate(long visitedEnough, long households) {
		return households == 0 ? null : (double) visitedEnough / households;
	}
}
