package cn.jiceng.scoring;

import java.time.LocalDate;

import cn.jiceng.access.Role;

/**
 * Approving and rejecting point claims (SPEC.md §4.3): branch secretary or higher, independent of the claimant
 * ({@link #independentOfTheClaimant}). Who-may checks (403) come before business rules (422), so a
 * caller without the right learns nothing about the claim's state.
 */
final class ClaimReviewPolicy {

	private ClaimReviewPolicy() {
	}

	public static Decision reject(Actor reviewer, PointClaim claim, LocalDate today) {
		return review(reviewer, claim, today);
	}

	/**
	 * @param item the claim's catalogue item
	 * @param approvedAbsolutePointsThisYear absolute points of the member's other APPROVED claims of this
	 *        item in the claim month's year
	 */
	public static Decision approve(Actor reviewer, PointClaim claim, PointItem item,
			int approvedAbsolutePointsThisYear, LocalDate today) {
		Decision common = review(reviewer, claim, today);
		if (!common.allowed()) {
			return common;
		}
		if (!item.code().equals(claim.itemCode())) {
			throw new IllegalArgumentException("积分项目与申报不符：" + item.code() + " / " + claim.itemCode());
		}
		String capProblem = item.capProblem(approvedAbsolutePointsThisYear);
		return capProblem == null ? Decision.allow() : Decision.rule(capProblem);
	}

	/**
	 * Separation of duties: the reviewer must be someone other than the claimant in every guise. Not the filing
	 * account, not the member the claim is for, not another account of the filer's member (a second account of the
	 * same person), and not an account that the filer or the member concerned created, directly or further up the
	 * chain of creators (a proxy). A secretary could otherwise open a second secretary account and approve points
	 * for their own record.
	 */
	public static Decision independentOfTheClaimant(Actor reviewer, PointClaim claim) {
		if (reviewer.accountId() == claim.filedByAccountId()) {
			return Decision.forbidden("不能审核本账号提交的积分申报");
		}
		if (reviewer.is(claim.memberId())) {
			return Decision.forbidden("不能审核本人的积分申报");
		}
		if (claim.filerMemberId() != null && reviewer.is(claim.filerMemberId())) {
			return Decision.forbidden("不能审核本人以其他账号提交的积分申报");
		}
		if (reviewer.creatorAccountIds().contains(claim.filedByAccountId())) {
			return Decision.forbidden("本账号由申报账号创建，不能审核该账号提交的积分申报");
		}
		if (reviewer.creatorMemberIds().contains(claim.memberId())) {
			return Decision.forbidden("本账号由被申报党员本人的账号创建，不能审核其积分申报");
		}
		if (claim.filerMemberId() != null && reviewer.creatorMemberIds().contains(claim.filerMemberId())) {
			return Decision.forbidden("本账号由申报人本人的账号创建，不能审核其提交的积分申报");
		}
		return Decision.allow();
	}

	private static Decision review(Actor reviewer, PointClaim claim, LocalDate today) {
		if (reviewer.role().rank() < Role.BRANCH_SECRETARY.rank()) {
			return Decision.forbidden("积分申报须由支部书记或上级管理员审核");
		}
		Decision independent = independentOfTheClaimant(reviewer, claim);
		if (!independent.allowed()) {
			return independent;
		}
		if (claim.status() != ClaimStatus.PENDING) {
			return Decision.rule("该申报已审核（" + claim.status().label() + "），不能再次审核");
		}
		if (Quarters.hasEnded(claim.month(), today) && !reviewer.role().isTownshipOrHigher()) {
			return Decision.rule(ClaimFilingPolicy.endedQuarter(claim.month()) + "，审核须乡镇或以上账号");
		}
		return Decision.allow();
	}
}
