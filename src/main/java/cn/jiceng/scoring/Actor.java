package cn.jiceng.scoring;

import java.util.Objects;

import cn.jiceng.access.Role;

/** The account acting on a claim: its id, role and the member it belongs to (null for a pure admin account). */
public record Actor(long accountId, Role role, Long memberId) {

	public Actor {
		Objects.requireNonNull(role, "role");
	}

	boolean is(long member) {
		return memberId != null && memberId == member;
	}
}
