package cn.jiceng.identity;

import java.net.http.HttpResponse;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 6: a password set by an admin's reset must be changed by its owner before anything else. */
@ApiTest
class ForcedPasswordChangeApiTests {

	@LocalServerPort
	int port;

	@Autowired
	LoginThrottle throttle;

	Api admin;
	String id;
	String username;
	String branch;

	@BeforeEach
	void setUp() {
		throttle.clear();
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("改密镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("改密村支部"));
		username = "fpc" + System.nanoTime() % 1_000_000_000L;
		Api.Response r = admin.post("/api/accounts", Map.of("username", username, "password", "First-Pass-1", "role",
				"BRANCH_SECRETARY", "organizationId", branch));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		id = r.text("id");
	}

	private String reset() {
		int version = admin.get("/api/accounts/" + id).json().get("version").asInt();
		Api.Response reset = admin.post("/api/accounts/" + id + "/password-reset", Map.of("version", version));
		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		return reset.text("temporaryPassword");
	}

	@Test
	void anAccountWhosePasswordWasResetGetsOnlyTheChangeItselfThroughTheApi() {
		assertThat(Api.login(port, username, "First-Pass-1").get("/api/organizations/" + branch).status())
			.as("no change needed before a reset").isEqualTo(200);
		String temporary = reset();
		Api owner = Api.login(port, username, temporary);

		Api.Response refused = owner.get("/api/organizations/" + branch);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("须先修改密码");
		assertThat(owner.get("/api/me").status()).isEqualTo(200);

		Api.Response change = owner.post("/api/account/password",
				Map.of("currentPassword", temporary, "newPassword", "Own-Pass-22"));
		assertThat(change.status()).as(change.body()).isEqualTo(204);
		Api again = Api.login(port, username, "Own-Pass-22");
		assertThat(again.get("/api/organizations/" + branch).status()).isEqualTo(200);
	}

	@Test
	void aResetAccountLoggingInToThePagesIsSentToItsPasswordPageUntilItChangesIt() {
		String temporary = reset();
		PageSession page = new PageSession(port);
		assertThat(page.login(username, temporary)).doesNotContain("error");

		HttpResponse<String> home = page.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/account/password?required");
		assertThat(page.get("/members").statusCode()).isEqualTo(302);
		HttpResponse<String> form = page.get("/account/password?required");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("请先设置自己的新密码");

		HttpResponse<String> changed = page.postForm("/account/password", "/account/password",
				Map.of("currentPassword", temporary, "newPassword", "Own-Pass-33", "confirmPassword", "Own-Pass-33"));
		assertThat(changed.headers().firstValue("Location").orElse("")).contains("/login?passwordChanged");

		PageSession fresh = new PageSession(port);
		assertThat(fresh.login(username, "Own-Pass-33")).doesNotContain("error");
		assertThat(fresh.get("/").statusCode()).isEqualTo(200);
	}
}
