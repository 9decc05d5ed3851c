package cn.jiceng.scoring;

import java.util.Objects;
import java.util.Set;

import cn.jiceng.access.Role;

/**
 * The account acting on a claim: its id, role and the member it belongs to (null for a pure admin account), and
 * for reviews the chain of accounts that created it and the members those are bound to.
 */
record Actor(long accountId, Role role, Long memberId, Set<Long> creatorAccountIds,
		Set<Long> creatorMemberIds) {

	public Actor {
		Objects.requireNonNull(role, "role");
		creatorAccountIds = creatorAccountIds == null ? Set.of() : Set.copyOf(creatorAccountIds);
		creatorMemberIds = creatorMemberIds == null ? Set.of() : Set.copyOf(creatorMemberIds);
	}

	/** An account nobody created (bootstrap, start-up jobs) or whose creators do not matter to the rule. */
	public Actor(long accountId, Role role, Long memberId) {
		this(accountId, role, memberId, Set.of(), Set.of());
	}

	boolean is(long member) {
		return memberId != null && memberId == member;
	}
}
