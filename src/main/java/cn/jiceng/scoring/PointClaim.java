package cn.jiceng.scoring;

import java.time.YearMonth;
import java.util.Objects;

/** The facts of a point claim the rules need: for whom, which month and item, who filed it, its state. */
public record PointClaim(long memberId, YearMonth month, String itemCode, long filedByAccountId,
		ClaimStatus status) {

	public PointClaim {
		Objects.requireNonNull(month, "month");
		Objects.requireNonNull(itemCode, "itemCode");
		Objects.requireNonNull(status, "status");
	}
}
