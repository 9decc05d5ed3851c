package cn.jiceng.identity;

import cn.jiceng.access.Role;
import cn.jiceng.identity.AccountAdminPolicy.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountAdminPolicyTest {

	private static final long ME = 1;
	private static final long OTHER = 2;

	@Test
	void membersCadresAndInspectorsManageNoAccounts() {
		for (Role r : new Role[] { Role.MEMBER, Role.CADRE, Role.INSPECTOR }) {
			var v = AccountAdminPolicy.manage(ME, r, OTHER, Role.MEMBER, Action.DISABLE);
			assertThat(v.allowed()).as(r.name()).isFalse();
			assertThat(v.reason()).isEqualTo("当前角色（" + r.label() + "）无权管理账号");
		}
	}

	@Test
	void nobodyManagesTheirOwnAccountHere() {
		for (Action a : Action.values()) {
			var v = AccountAdminPolicy.manage(ME, Role.COUNTY_ADMIN, ME, Role.COUNTY_ADMIN, a);
			assertThat(v.allowed()).as(a.name()).isFalse();
			assertThat(v.reason()).contains("不能在账号管理中修改本人账号");
		}
	}

	@Test
	void anAccountOfAHigherRoleIsOutOfReach() {
		var v = AccountAdminPolicy.manage(ME, Role.TOWNSHIP_ADMIN, OTHER, Role.COUNTY_ADMIN, Action.RESET_PASSWORD);

		assertThat(v.allowed()).isFalse();
		assertThat(v.reason()).isEqualTo("不能管理高于本人角色的账号");
	}

	@Test
	void aPeerTownshipAdminIsManagedByTheCounty() {
		assertThat(AccountAdminPolicy.manage(ME, Role.TOWNSHIP_ADMIN, OTHER, Role.TOWNSHIP_ADMIN, Action.DISABLE).reason())
			.isEqualTo("同级的乡镇管理员账号须由上级管理员管理");
		assertThat(AccountAdminPolicy.manage(ME, Role.COUNTY_ADMIN, OTHER, Role.TOWNSHIP_ADMIN, Action.DISABLE).allowed())
			.isTrue();
	}

	@Test
	void countyAdminsManageOneAnotherBecauseNobodyIsAboveThem() {
		for (Action a : Action.values()) {
			assertThat(AccountAdminPolicy.manage(ME, Role.COUNTY_ADMIN, OTHER, Role.COUNTY_ADMIN, a).allowed()).as(a.name())
				.isTrue();
		}
	}

	@Test
	void aTownshipAdminResetsPasswordsAndDisablesEveryLowerAccount() {
		for (Role target : new Role[] { Role.MEMBER, Role.CADRE, Role.INSPECTOR, Role.BRANCH_SECRETARY }) {
			for (Action a : Action.values()) {
				assertThat(AccountAdminPolicy.manage(ME, Role.TOWNSHIP_ADMIN, OTHER, target, a).allowed())
					.as(target + " " + a)
					.isTrue();
			}
		}
	}

	@Test
	void aBranchSecretaryOnlyDisablesAndEnablesMemberAccounts() {
		assertThat(AccountAdminPolicy.manage(ME, Role.BRANCH_SECRETARY, OTHER, Role.MEMBER, Action.DISABLE).allowed()).isTrue();
		assertThat(AccountAdminPolicy.manage(ME, Role.BRANCH_SECRETARY, OTHER, Role.MEMBER, Action.ENABLE).allowed()).isTrue();
		for (Action a : new Action[] { Action.CHANGE_ROLE, Action.CHANGE_ORGANIZATION, Action.CHANGE_MEMBER }) {
			assertThat(AccountAdminPolicy.manage(ME, Role.BRANCH_SECRETARY, OTHER, Role.MEMBER, a).allowed()).as(a.name())
				.isFalse();
		}
	}

	@Test
	void aBranchSecretaryCannotResetAMembersPasswordSoCannotFileClaimsAsThatMember() {
		var v = AccountAdminPolicy.manage(ME, Role.BRANCH_SECRETARY, OTHER, Role.MEMBER, Action.RESET_PASSWORD);

		assertThat(v.allowed()).isFalse();
		assertThat(v.reason()).isEqualTo("重置密码须由乡镇或以上管理员办理，支部书记只能停用或启用党员账号");
	}

	@Test
	void aBranchSecretaryCannotTouchCadreOrInspectorAccountsOfLowerRank() {
		for (Role target : new Role[] { Role.CADRE, Role.INSPECTOR }) {
			var v = AccountAdminPolicy.manage(ME, Role.BRANCH_SECRETARY, OTHER, target, Action.DISABLE);
			assertThat(v.allowed()).as(target.name()).isFalse();
			assertThat(v.reason()).startsWith("支部书记只能管理本支部的党员账号");
		}
	}

	@Test
	void aRoleIsNeverRaisedAboveTheManagersOwn() {
		var v = AccountAdminPolicy.changeRole(ME, Role.TOWNSHIP_ADMIN, OTHER, Role.BRANCH_SECRETARY, Role.COUNTY_ADMIN);

		assertThat(v.allowed()).isFalse();
		assertThat(v.reason()).isEqualTo("不能授予高于本人角色的角色");
	}

	@Test
	void aTownshipAdminCannotMakeAnotherTownshipAdmin() {
		var v = AccountAdminPolicy.changeRole(ME, Role.TOWNSHIP_ADMIN, OTHER, Role.BRANCH_SECRETARY, Role.TOWNSHIP_ADMIN);

		assertThat(v.allowed()).isFalse();
		assertThat(v.reason()).contains("须由上级管理员设置");
	}

	@Test
	void aTownshipAdminAppointsSecretariesInspectorsAndCadres() {
		for (Role r : new Role[] { Role.MEMBER, Role.CADRE, Role.INSPECTOR, Role.BRANCH_SECRETARY }) {
			assertThat(AccountAdminPolicy.changeRole(ME, Role.TOWNSHIP_ADMIN, OTHER, Role.MEMBER, r).allowed()).as(r.name())
				.isTrue();
		}
	}

	@Test
	void theCountyPromotesToCountyAdmin() {
		assertThat(AccountAdminPolicy.changeRole(ME, Role.COUNTY_ADMIN, OTHER, Role.TOWNSHIP_ADMIN, Role.COUNTY_ADMIN)
			.allowed()).isTrue();
	}
}
