package cn.jiceng.assessment;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import cn.jiceng.dues.DuesReports;
import cn.jiceng.orglife.ComplianceService;
import cn.jiceng.scoring.VanguardService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records behind the indicator items, for every branch of a subtree at once, asked of the modules that own
 * them: compliance per branch-month from orglife (its rule, not a copy), due and paid member-months from dues, and
 * members with their warnings from scoring. Only ended months count (the whole year once it is over).
 */
@Component
class StarIndicators {

	private final ComplianceService compliance;
	private final DuesReports dues;
	private final VanguardService vanguard;
	private final Clock clock;

	StarIndicators(ComplianceService compliance, DuesReports dues, VanguardService vanguard, Clock clock) {
		this.compliance = compliance;
		this.dues = dues;
		this.vanguard = vanguard;
		this.clock = clock;
	}

	/** The last ended month of the year, or null when none has ended yet. */
	YearMonth lastEndedMonth(int year) {
		YearMonth previous = YearMonth.now(clock).minusMonths(1);
		if (previous.getYear() > year) {
			return YearMonth.of(year, 12);
		}
		return previous.getYear() == year ? previous : null;
	}

	/** Facts per branch id of the subtree under {@code organizationId} (a branch itself for one). */
	@Transactional
	Map<Long, StarScoring.Facts> factsOf(long organizationId, int year) {
		YearMonth last = lastEndedMonth(year);
		Map<Long, int[]> counts = new HashMap<>();
		if (last != null) {
			for (ComplianceService.Report month : compliance.computeYear(organizationId, year)) {
				if (month.month().isAfter(last)) {
					continue;
				}
				for (ComplianceService.BranchResult b : month.items()) {
					int[] c = counts.computeIfAbsent(Long.parseLong(b.organizationId()), k -> new int[6]);
					c[1]++;
					if (b.compliant()) {
						c[0]++;
					}
				}
			}
			dues.paidMonthsByBranch(organizationId, YearMonth.of(year, 1), last).forEach((branch, p) -> {
				int[] c = counts.computeIfAbsent(branch, k -> new int[6]);
				c[2] = p.dueMemberMonths();
				c[3] = p.paidMemberMonths();
			});
		}
		if (YearMonth.of(year, 1).isBefore(YearMonth.now(clock).plusMonths(1))) {
			vanguard.warningsByBranch(organizationId, year).forEach((branch, w) -> {
				int[] c = counts.computeIfAbsent(branch, k -> new int[6]);
				c[4] = w.members();
				c[5] = w.warnings();
			});
		}
		Map<Long, StarScoring.Facts> facts = new HashMap<>();
		counts.forEach((branch, c) -> facts.put(branch, new StarScoring.Facts(c[0], c[1], c[2], c[3], c[4], c[5])));
		return facts;
	}
}
