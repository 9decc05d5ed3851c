package cn.jiceng.orglife;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Objects;

/**
 * Ledger compliance rate (台账达标率) of a subtree for a month: compliant branches / branches that have
 * members. With no such branch the rate is 0, not 1: a subtree with nothing to check has achieved nothing,
 * and 100 % on a dashboard would hide an empty or misconfigured subtree; {@code branches == 0} tells the two apart.
 */
public record ComplianceRate(YearMonth month, int branches, int compliantBranches) {

	public ComplianceRate {
		Objects.requireNonNull(month, "month");
		if (branches < 0 || compliantBranches < 0 || compliantBranches > branches) {
			throw new IllegalArgumentException(compliantBranches + " compliant of " + branches + " branches");
		}
	}

	/** Branches without members are left out: they cannot hold a meeting, so they neither pass nor fail. */
	public static ComplianceRate of(YearMonth month, Collection<CompliancePolicy.BranchCompliance> results) {
		int branches = 0;
		int compliant = 0;
		for (CompliancePolicy.BranchCompliance result : results) {
			if (!result.month().equals(month)) {
				throw new IllegalArgumentException("result for " + result.month() + " in the rate of " + month);
			}
			if (result.hasMembers()) {
				branches++;
				if (result.compliant()) {
					compliant++;
				}
			}
		}
		return new ComplianceRate(month, branches, compliant);
	}

	/** Between 0 and 1. */
	public double rate() {
		return branches == 0 ? 0.0 : (double) compliantBranches / branches;
	}
}
