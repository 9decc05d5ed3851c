package cn.jiceng.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 6: accounts searched, paged, reset, disabled, re-roled by the admins above them, under the version. */
@ApiTest
class AccountAdminApiTests {

	private static final String PASSWORD = "Account-Pass-1";

	@LocalServerPort
	int port;

	@Autowired
	LoginThrottle throttle;

	Api admin;
	String town;
	String branch;
	String member;
	String memberName;

	@BeforeEach
	void setUp() {
		throttle.clear();
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("账号镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("账号村支部"));
		memberName = "账号" + TestData.unique("甲").replace("-", "");
		member = TestData.createMember(admin, branch, memberName, Gender.MALE, "FULL", "2015-07-01");
	}

	private String account(Api creator, String role, String org, String memberId, String username) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("password", PASSWORD);
		body.put("role", role);
		body.put("organizationId", org);
		body.put("memberId", memberId);
		Api.Response r = creator.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	private static String user(String prefix) {
		return prefix + System.nanoTime() % 1_000_000_000L;
	}

	private int version(String id) {
		return admin.get("/api/accounts/" + id).json().get("version").asInt();
	}

	@Test
	void theListFindsAnAccountByItsMembersNameAndShowsNamesNotIds() {
		String username = user("acm");
		account(admin, "MEMBER", branch, member, username);

		JsonNode page = admin.get("/api/accounts?q=" + memberName + "&size=5").json();

		assertThat(page.get("total").asInt()).isEqualTo(1);
		JsonNode a = page.get("items").get(0);
		assertThat(a.get("username").asText()).isEqualTo(username);
		assertThat(a.get("memberName").asText()).isEqualTo(memberName);
		assertThat(a.get("roleLabel").asText()).isEqualTo("党员");
		assertThat(a.get("organizationName").asText()).startsWith("账号村支部");
		assertThat(admin.get("/api/accounts?size=1&page=1").json().get("items")).hasSize(1);
	}

	@Test
	void aResetPasswordLogsInOnceTheOldOneAndItsTokensNoLonger() {
		String username = user("acr");
		String id = account(admin, "BRANCH_SECRETARY", branch, null, username);
		Api secretary = Api.login(port, username, PASSWORD);

		Api.Response reset = admin.post("/api/accounts/" + id + "/password-reset", Map.of("version", version(id)));

		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		String temporary = reset.text("temporaryPassword");
		assertThat(temporary).hasSize(10);
		assertThat(secretary.get("/api/me").status()).isEqualTo(401);
		assertThat(Api.anonymous(port).post("/api/auth/token", Map.of("username", username, "password", PASSWORD)).status())
			.isEqualTo(401);
		assertThat(Api.login(port, username, temporary).get("/api/me").text("role")).isEqualTo("BRANCH_SECRETARY");
		JsonNode history = admin.get("/api/audit?entityId=" + id).json();
		assertThat(history.get("items").get(0).get("action").asText()).isEqualTo("RESET_PASSWORD");
		assertThat(history.toString()).doesNotContain(temporary);
	}

	@Test
	void aDisabledAccountCannotLogInAndAnEnabledOneCanAgain() {
		String username = user("acd");
		String id = account(admin, "MEMBER", branch, member, username);
		Api owner = Api.login(port, username, PASSWORD);

		Api.Response off = admin.patch("/api/accounts/" + id, Map.of("version", version(id), "enabled", false));

		assertThat(off.status()).as(off.body()).isEqualTo(200);
		assertThat(off.json().get("enabled").asBoolean()).isFalse();
		assertThat(owner.get("/api/me").status()).isEqualTo(401);
		Api.Response refused = Api.anonymous(port).post("/api/auth/token", Map.of("username", username, "password", PASSWORD));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).contains("账号已停用");

		assertThat(admin.patch("/api/accounts/" + id, Map.of("version", version(id), "enabled", true)).status()).isEqualTo(200);
		assertThat(Api.login(port, username, PASSWORD).get("/api/me").text("username")).isEqualTo(username);
	}

	@Test
	void aStaleVersionIsRefusedWithAChineseConflictMessage() {
		String id = account(admin, "INSPECTOR", town, null, user("acs"));
		int read = version(id);
		assertThat(admin.patch("/api/accounts/" + id, Map.of("version", read, "role", "CADRE")).status()).isEqualTo(200);

		Api.Response stale = admin.patch("/api/accounts/" + id, Map.of("version", read, "enabled", false));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("该账号已被他人修改");
		assertThat(admin.get("/api/accounts/" + id).json().get("enabled").asBoolean()).isTrue();
		assertThat(admin.post("/api/accounts/" + id + "/password-reset", Map.of("version", read)).status()).isEqualTo(409);
	}

	@Test
	void twoAdminsChangingTheSameAccountAtOnceGetOneSuccessAndOneConflict() {
		String other = user("aca");
		account(admin, "COUNTY_ADMIN", TestData.rootId(admin), null, other);
		Api second = Api.login(port, other, PASSWORD);
		String id = account(admin, "BRANCH_SECRETARY", branch, null, user("acx"));
		int read = version(id);

		List<Integer> statuses = Race.run(
				() -> admin.patch("/api/accounts/" + id, Map.of("version", read, "role", "INSPECTOR", "organizationId", town))
					.status(),
				() -> second.patch("/api/accounts/" + id, Map.of("version", read, "enabled", false)).status());

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(version(id)).isEqualTo(read + 1);
	}

	@Test
	void aMemberRoleNeedsABoundMemberAndFollowsTheMembersBranch() {
		String id = account(admin, "CADRE", town, null, user("acm"));

		Api.Response unbound = admin.patch("/api/accounts/" + id, Map.of("version", version(id), "role", "MEMBER"));
		assertThat(unbound.status()).isEqualTo(400);
		assertThat(unbound.body()).contains("党员账号必须关联党员");

		Api.Response bound = admin.patch("/api/accounts/" + id,
				Map.of("version", version(id), "role", "MEMBER", "memberId", member));
		assertThat(bound.status()).as(bound.body()).isEqualTo(200);
		assertThat(bound.json().get("organizationId").asText()).isEqualTo(branch);
		assertThat(bound.json().get("memberName").asText()).isEqualTo(memberName);
	}

	@Test
	void aSecretaryDisablesMemberAccountsButNeitherResetsTheirPasswordsNorTouchesOtherBranches() {
		String secretaryName = user("acsec");
		account(admin, "BRANCH_SECRETARY", branch, null, secretaryName);
		Api secretary = Api.login(port, secretaryName, PASSWORD);
		String memberAccount = account(admin, "MEMBER", branch, member, user("acmem"));

		Api.Response reset = secretary.post("/api/accounts/" + memberAccount + "/password-reset",
				Map.of("version", version(memberAccount)));
		assertThat(reset.status()).isEqualTo(403);
		assertThat(reset.body()).contains("重置密码须由乡镇或以上管理员办理");
		assertThat(secretary.patch("/api/accounts/" + memberAccount, Map.of("version", version(memberAccount), "enabled", false))
			.status()).isEqualTo(200);

		String otherBranch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("他村支部"));
		String outside = account(admin, "INSPECTOR", otherBranch, null, user("acout"));
		assertThat(secretary.get("/api/accounts/" + outside).status()).isEqualTo(404);
		assertThat(secretary.patch("/api/accounts/" + outside, Map.of("version", 0, "enabled", false)).status()).isEqualTo(404);
	}

	@Test
	void aTownshipAdminManagesNeitherAPeerNorItself() {
		String mine = user("actown");
		String myId = account(admin, "TOWNSHIP_ADMIN", town, null, mine);
		String peer = account(admin, "TOWNSHIP_ADMIN", town, null, user("acpeer"));
		Api township = Api.login(port, mine, PASSWORD);

		Api.Response toPeer = township.post("/api/accounts/" + peer + "/password-reset", Map.of("version", version(peer)));
		assertThat(toPeer.status()).isEqualTo(403);
		assertThat(toPeer.body()).contains("同级的乡镇管理员账号须由上级管理员管理");
		Api.Response toSelf = township.patch("/api/accounts/" + myId, Map.of("version", version(myId), "enabled", false));
		assertThat(toSelf.status()).isEqualTo(403);
		assertThat(toSelf.body()).contains("不能在账号管理中修改本人账号");
		Api.Response raise = township.patch("/api/accounts/" + account(admin, "INSPECTOR", town, null, user("acins")),
				Map.of("version", 0, "role", "COUNTY_ADMIN"));
		assertThat(raise.status()).isEqualTo(403);
	}
}
