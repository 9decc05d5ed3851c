package cn.jiceng.identity;

import cn.jiceng.access.Role;

/**
 * Who may open which account. A branch secretary opens only member accounts of its branch: every account that
 * reviews, administers, inspects or is sent to a village (BRANCH_SECRETARY, TOWNSHIP_ADMIN, COUNTY_ADMIN,
 * INSPECTOR, CADRE) is appointed from above, so a secretary cannot make a second reviewer for its own claims nor
 * an inspector of its own branch. Never a role above the creator's own.
 */
final class AccountCreationPolicy {

	record Verdict(boolean allowed, String reason) {

		static final Verdict ALLOWED = new Verdict(true, null);
	}

	private AccountCreationPolicy() {
	}

	static Verdict create(Role creator, Role requested) {
		if (!(creator.isAdmin() || creator == Role.BRANCH_SECRETARY)) {
			return new Verdict(false, "当前角色（" + creator.label() + "）无权创建账号");
		}
		if (!creator.canGrant(requested)) {
			return new Verdict(false, "不能创建高于本人角色的账号");
		}
		if (requested != Role.MEMBER && !creator.isTownshipOrHigher()) {
			return new Verdict(false, requested.label() + "账号须由乡镇或以上管理员创建，支部书记只能创建党员账号");
		}
		return Verdict.ALLOWED;
	}
}
