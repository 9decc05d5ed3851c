package cn.jiceng.scoring;

/**
 * An item of the county's point catalogue. points: a bonus (positive) or a deduction (negative), fixed by
 * the item. yearlyCap: the most absolute points one member may get from this item in a calendar year
 * (null = no cap); with fixed points this also caps the number of times (cap / |points|). A veto item
 * (一票否决) zeroes the member's year whatever its points.
 */
record PointItem(String code, String name, int points, Integer yearlyCap, boolean veto) {

	public PointItem {
		if (!EntrySource.isValidCode(code)) {
			throw new IllegalArgumentException("积分项目代码须为大写字母、数字或下划线：" + code);
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("积分项目名称不能为空");
		}
		if (points == 0 && !veto) {
			throw new IllegalArgumentException("积分项目「" + name + "」的分值不能为 0");
		}
		// A cap below one claim's points could never be met: refuse it when the item is defined.
		if (yearlyCap != null && yearlyCap < Math.abs(points)) {
			throw new IllegalArgumentException(
					"积分项目「" + name + "」的年度上限 " + yearlyCap + " 小于单次分值 " + Math.abs(points));
		}
	}

	public boolean bonus() {
		return points > 0;
	}

	/**
	 * Why one more claim of this item would break its yearly cap, given the absolute points already
	 * approved for the member this year; null when it fits.
	 */
	public String capProblem(int approvedAbsolutePointsThisYear) {
		if (yearlyCap == null) {
			return null;
		}
		long after = (long) approvedAbsolutePointsThisYear + Math.abs(points);
		if (after <= yearlyCap) {
			return null;
		}
		return "「" + name + "」本年度已计 " + approvedAbsolutePointsThisYear + " 分，年度上限 " + yearlyCap
				+ " 分，本次 " + Points.signed(points) + " 将超出上限";
	}
}
