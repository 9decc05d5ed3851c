package cn.jiceng.organization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The organization picker's search: names with their parent, inside the caller's scope only, groups left out on request. */
@ApiTest
class OrgPickPageTests {

	@LocalServerPort
	int port;

	@Test
	void theSearchNamesMatchesWithTheirParentInsideTheScopeOnly() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String suffix = Long.toString(System.nanoTime() % 100_000_000L, 36);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", "挑选镇" + suffix);
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", "挑选村党支部" + suffix);
		TestData.createOrg(admin, branch, "GROUP", "RURAL", "挑选村第一党小组" + suffix);
		String other = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", "别处镇" + suffix);
		TestData.createOrg(admin, other, "BRANCH", "RURAL", "挑选村党支部乙" + suffix);
		String user = "pick" + suffix;
		assertThat(admin.post("/api/accounts", java.util.Map.of("username", user, "password", "Pick-Pass-01", "role",
				"TOWNSHIP_ADMIN", "organizationId", town)).status()).isEqualTo(201);

		PageSession township = new PageSession(port);
		township.login(user, "Pick-Pass-01");
		String html = township.get("/organizations/options?noGroups=true&orgQuery="
				+ URLEncoder.encode("挑选", StandardCharsets.UTF_8)).body();

		assertThat(html).contains("挑选村党支部" + suffix + "（党支部，挑选镇" + suffix + "）")
			.contains("value=\"" + branch + "\"")
			.doesNotContain("党小组", "挑选村党支部乙", "#");
		assertThat(township.get("/organizations/options?orgQuery=" + URLEncoder.encode("不存在的组织", StandardCharsets.UTF_8))
			.body()).contains("没有找到名称含“<span>不存在的组织</span>”的党组织");
	}
}
