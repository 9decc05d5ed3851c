package cn.jiceng.identity;

import cn.jiceng.access.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountCreationPolicyTest {

	@Test
	void aBranchSecretaryOpensMemberAccountsOnly() {
		assertThat(AccountCreationPolicy.create(Role.BRANCH_SECRETARY, Role.MEMBER).allowed()).isTrue();
		for (Role r : new Role[] { Role.BRANCH_SECRETARY, Role.CADRE, Role.INSPECTOR }) {
			AccountCreationPolicy.Verdict v = AccountCreationPolicy.create(Role.BRANCH_SECRETARY, r);
			assertThat(v.allowed()).as(r.name()).isFalse();
			assertThat(v.reason()).contains("须由乡镇或以上管理员创建");
		}
	}

	@Test
	void aBranchSecretaryCannotOpenASecondSecretaryAccount() {
		AccountCreationPolicy.Verdict v = AccountCreationPolicy.create(Role.BRANCH_SECRETARY, Role.BRANCH_SECRETARY);

		assertThat(v.allowed()).isFalse();
		assertThat(v.reason()).isEqualTo("支部书记账号须由乡镇或以上管理员创建，支部书记只能创建党员账号");
	}

	@Test
	void townshipAdminsOpenEveryRoleUpToTheirOwn() {
		for (Role r : new Role[] { Role.MEMBER, Role.CADRE, Role.INSPECTOR, Role.BRANCH_SECRETARY, Role.TOWNSHIP_ADMIN }) {
			assertThat(AccountCreationPolicy.create(Role.TOWNSHIP_ADMIN, r).allowed()).as(r.name()).isTrue();
		}
		assertThat(AccountCreationPolicy.create(Role.TOWNSHIP_ADMIN, Role.COUNTY_ADMIN).reason())
			.isEqualTo("不能创建高于本人角色的账号");
	}

	@Test
	void membersCadresAndInspectorsOpenNoAccounts() {
		for (Role r : new Role[] { Role.MEMBER, Role.CADRE, Role.INSPECTOR }) {
			assertThat(AccountCreationPolicy.create(r, Role.MEMBER).allowed()).as(r.name()).isFalse();
		}
	}
}
