package cn.jiceng.identity;

import cn.jiceng.access.Role;

/**
 * Who may manage whom, once an account lies in the manager's scope (docs/architecture.md "Accounts and separation of
 * duties"). Accounts are managed from above: a manager never touches their own account here (their own password
 * has its own page), never an account of a higher role, and never a peer of the same role: a township admin's
 * account is managed by the county, a secretary's by the township. The county's admins are the top of the tree and
 * manage one another. A branch secretary only disables and enables member accounts of the branch: resetting a
 * member's password would let the secretary file point claims as that member and approve them, and roles are
 * appointed from township level up, as when accounts are opened ({@link AccountCreationPolicy}).
 */
final class AccountAdminPolicy {

	/** What a manager does to an account. */
	enum Action {
		RESET_PASSWORD("重置密码"), CHANGE_ROLE("变更角色"), CHANGE_ORGANIZATION("变更所属党组织"), CHANGE_MEMBER("变更关联党员"),
		DISABLE("停用"), ENABLE("启用");

		private final String label;

		Action(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}
	}

	record Verdict(boolean allowed, String reason) {

		static final Verdict ALLOWED = new Verdict(true, null);

		static Verdict refused(String reason) {
			return new Verdict(false, reason);
		}
	}

	private AccountAdminPolicy() {
	}

	/**
	 * Whether the manager may act on the account at all and do this to it.
	 * @param managerAccountId the manager's own account
	 * @param manager the manager's role
	 * @param targetAccountId the account managed
	 * @param target its role now
	 */
	static Verdict manage(long managerAccountId, Role manager, long targetAccountId, Role target, Action action) {
		if (!(manager.isAdmin() || manager == Role.BRANCH_SECRETARY)) {
			return Verdict.refused("当前角色（" + manager.label() + "）无权管理账号");
		}
		if (managerAccountId == targetAccountId) {
			return Verdict.refused("不能在账号管理中修改本人账号，本人密码请在“修改密码”中修改");
		}
		if (target.rank() > manager.rank()) {
			return Verdict.refused("不能管理高于本人角色的账号");
		}
		if (manager == Role.BRANCH_SECRETARY) {
			if (target != Role.MEMBER) {
				return Verdict.refused("支部书记只能管理本支部的党员账号，" + target.label() + "账号由乡镇或以上管理员管理");
			}
			if (action != Action.DISABLE && action != Action.ENABLE) {
				return Verdict.refused(action.label() + "须由乡镇或以上管理员办理，支部书记只能停用或启用党员账号");
			}
			return Verdict.ALLOWED;
		}
		if (target == manager && manager != Role.COUNTY_ADMIN) {
			return Verdict.refused("同级的" + target.label() + "账号须由上级管理员管理");
		}
		return Verdict.ALLOWED;
	}

	/** A role change: the manager may manage the account and could open an account of the new role. */
	static Verdict changeRole(long managerAccountId, Role manager, long targetAccountId, Role target, Role requested) {
		Verdict v = manage(managerAccountId, manager, targetAccountId, target, Action.CHANGE_ROLE);
		if (!v.allowed()) {
			return v;
		}
		if (!manager.canGrant(requested)) {
			return Verdict.refused("不能授予高于本人角色的角色");
		}
		if (requested == manager && manager != Role.COUNTY_ADMIN) {
			return Verdict.refused("不能授予与本人相同的角色，" + requested.label() + "账号须由上级管理员设置");
		}
		AccountCreationPolicy.Verdict creation = AccountCreationPolicy.create(manager, requested);
		return creation.allowed() ? Verdict.ALLOWED : Verdict.refused(creation.reason());
	}
}
