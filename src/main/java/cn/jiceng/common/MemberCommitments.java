package cn.jiceng.common;

import java.util.List;

/**
 * A member's public commitments and model posts (一句话承诺, 党员示范岗/责任区/护绿岗; SPEC.md §4.9 "135" and §4.10),
 * owned by the mass-work module and shown by others (the member's own page, a branch's public page). Read through an
 * {@code ObjectProvider}: without a bean a member has none.
 */
public interface MemberCommitments {

	/** One commitment; {@code post} is the post's Chinese name (示范岗, 责任区, 护绿岗) or null. */
	record Commitment(int year, String text, String post) {
	}

	/** The member's commitments, latest year first. */
	List<Commitment> of(long memberId);
}
