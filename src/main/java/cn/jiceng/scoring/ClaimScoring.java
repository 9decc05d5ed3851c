package cn.jiceng.scoring;

import java.util.Optional;

/** An approved claim reaches the index as an entry; pending and rejected claims count for nothing. */
final class ClaimScoring {

	private ClaimScoring() {
	}

	/**
	 * Dated on the last day of the claim's month: a month's declaration is complete at its end, so it
	 * belongs to that month's quarter snapshot.
	 */
	public static Optional<ScoreEntry> entryFor(PointClaim claim, PointItem item) {
		if (claim.status() != ClaimStatus.APPROVED) {
			return Optional.empty();
		}
		if (!item.code().equals(claim.itemCode())) {
			throw new IllegalArgumentException("积分项目与申报不符：" + item.code() + " / " + claim.itemCode());
		}
		String reason = claim.month() + " 积分申报：" + item.name()
				+ (item.veto() ? "（一票否决）" : " " + Points.signed(item.points()));
		return Optional.of(new ScoreEntry(claim.month().atEndOfMonth(), EntrySource.POINT_CLAIM, item.points(),
				reason, item.veto()));
	}
}
