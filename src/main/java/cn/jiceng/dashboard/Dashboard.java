package cn.jiceng.dashboard;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.LatestInspection;

/** The dashboard of a subtree and month, as API.md "Command center" spells it. */
record Dashboard(String organizationId, YearMonth month, Members members,
		Map<String, Long> organizations, Compliance compliance, Map<String, Integer> fourColors, int warningMembers,
		Stars stars, Map<String, Long> overdue, double duesPaidRate, Map<String, Long> development,
		List<Child> children, LatestInspection.Summary latestInspection) {

	/** Today's roll of the subtree. */
	record Members(long total, long full, long probationary, long mobile) {
	}

	record TrendPoint(YearMonth month, double rate) {
	}

	/** {@code trend}: twelve months, oldest first, ending at the dashboard's month. */
	record Compliance(double rate, List<TrendPoint> trend) {
	}

	/** {@code distribution}: "1".."5" → organizations; {@code threeStarShare} null when none is rated. */
	record Stars(Map<String, Integer> distribution, Double threeStarShare) {
	}

	/** One direct child (groups left out) for drill-down. */
	record Child(String organizationId, String name, long members, double complianceRate,
			int warningMembers) {
	}
}
