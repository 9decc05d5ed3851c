package cn.jiceng.access;

import java.util.Set;

/**
 * Who made an account, all the way up the chain of creators, and which members those accounts are bound to.
 * Identity implements it so separation-of-duties rules elsewhere (claim review) can see a proxy account for what
 * it is without depending on identity.
 */
public interface AccountRelations {

	Lineage lineage(long accountId);

	/**
	 * @param memberId the member the account itself is bound to, or null
	 * @param creatorAccountIds every account in its chain of creators (its creator, that one's creator, …)
	 * @param creatorMemberIds the members those creator accounts are bound to
	 */
	record Lineage(long accountId, Long memberId, Set<Long> creatorAccountIds, Set<Long> creatorMemberIds) {

		public static Lineage none(long accountId) {
			return new Lineage(accountId, null, Set.of(), Set.of());
		}
	}
}
