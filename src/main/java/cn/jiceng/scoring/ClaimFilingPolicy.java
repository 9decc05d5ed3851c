package cn.jiceng.scoring;

import java.time.LocalDate;
import java.time.YearMonth;

import cn.jiceng.access.Role;

/** Who may file a point claim, and for which month and item (SPEC.md §4.3). Data scope is checked elsewhere. */
final class ClaimFilingPolicy {

	private ClaimFilingPolicy() {
	}

	/**
	 * @param item the catalogue item for the claim's code, or null when the code is unknown
	 * @param approvedAbsolutePointsThisYear absolute points of the member's APPROVED claims of this item in
	 *        the claim month's year; pending claims do not count, as they may still be rejected
	 */
	public static Decision file(Actor filer, long memberId, YearMonth month, PointItem item,
			int approvedAbsolutePointsThisYear, LocalDate today) {
		// Inspectors are read-only, even for themselves.
		boolean self = filer.is(memberId) && filer.role() != Role.INSPECTOR;
		if (!self && filer.role().rank() < Role.BRANCH_SECRETARY.rank()) {
			return Decision.forbidden("只能为本人申报积分；为其他党员申报须支部书记或管理员账号");
		}
		if (month.isAfter(YearMonth.from(today))) {
			return Decision.rule("不能申报尚未到来的月份 " + month);
		}
		if (item == null) {
			return Decision.rule("积分项目不存在");
		}
		if (Quarters.hasEnded(month, today) && !filer.role().isTownshipOrHigher()) {
			return Decision.rule(endedQuarter(month) + "，补报须乡镇或以上账号");
		}
		// Checked at filing too, so a claim that could never be approved is refused at once.
		String capProblem = item.capProblem(approvedAbsolutePointsThisYear);
		if (capProblem != null) {
			return Decision.rule(capProblem);
		}
		return Decision.allow();
	}

	static String endedQuarter(YearMonth month) {
		return month.getYear() + " 年第 " + Quarters.of(month) + " 季度已结束";
	}
}
