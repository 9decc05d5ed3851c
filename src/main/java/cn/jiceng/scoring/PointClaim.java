package cn.jiceng.scoring;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The facts of a point claim the rules need: for whom, which month and item, who filed it (the account and the
 * member that account is bound to, null for a pure admin account), its state.
 */
record PointClaim(long memberId, YearMonth month, String itemCode, long filedByAccountId,
		Long filerMemberId, ClaimStatus status) {

	public PointClaim {
		Objects.requireNonNull(month, "month");
		Objects.requireNonNull(itemCode, "itemCode");
		Objects.requireNonNull(status, "status");
	}

	public PointClaim(long memberId, YearMonth month, String itemCode, long filedByAccountId, ClaimStatus status) {
		this(memberId, month, itemCode, filedByAccountId, null, status);
	}
}
