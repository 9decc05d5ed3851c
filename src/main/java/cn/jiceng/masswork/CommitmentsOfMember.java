package cn.jiceng.masswork;

import java.util.List;

import cn.jiceng.common.MemberCommitments;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A member's public commitments and model posts for other modules' pages (their callers have checked the scope). */
@Component
class CommitmentsOfMember implements MemberCommitments {

	private final GovernanceService governance;

	CommitmentsOfMember(GovernanceService governance) {
		this.governance = governance;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Commitment> of(long memberId) {
		return governance.commitmentsUnchecked(memberId)
			.stream()
			.map(c -> new Commitment(c.year(), c.text(), c.postLabel()))
			.toList();
	}
}
