package cn.jiceng.organization;

/**
 * Who counts as a member of an organization (on the roll), as SQL. The member module owns the rule
 * ({@code MemberStatus.onRoll()}) and provides the one implementation: organization, which the member module
 * depends on, cannot depend on it, yet counts members and checks committee members against the roll.
 */
public interface MemberRoll {

	/** A condition on a member status column that holds for members on the roll. */
	String sqlOnRoll(String statusColumn);
}
