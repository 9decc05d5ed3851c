package cn.jiceng.access;

/**
 * The caller's resolved scope for one request: the materialized path of their organization (subtree prefix)
 * and, for member accounts, the only member they may see.
 */
public record Scope(Caller caller, String pathPrefix) {

	public boolean memberOnly() {
		return caller.isMemberOnly();
	}

	public Long ownMemberId() {
		return caller.memberId();
	}
}
