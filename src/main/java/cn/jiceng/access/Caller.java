package cn.jiceng.access;

import java.io.Serializable;

/** The authenticated account behind a request. Scope is resolved per request from organizationId, never cached. */
public record Caller(long accountId, String username, Role role, long organizationId, Long memberId, long countyId)
		implements Serializable {

	public boolean isMemberOnly() {
		return role == Role.MEMBER;
	}
}
