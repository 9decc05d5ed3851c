package cn.jiceng.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 17 item 4: the roster page's export holds the members its filters show, not the whole subtree. */
@ApiTest
class MemberListExportPageTests {

	@LocalServerPort
	int port;

	static List<String> names(HttpResponse<byte[]> xlsx) {
		assertThat(xlsx.statusCode()).isEqualTo(200);
		List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet(0)
			.headRowNumber(1).doReadSync();
		return rows.stream().map(r -> r.get(0)).toList();
	}

	@Test
	void theExportFollowsTheListsNameCategoryAndSubtreeFilters() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("导出镇"));
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("导出支部"));
		TestData.createMember(admin, branch, "导出正式甲", Gender.MALE, "FULL", "2010-05-01");
		TestData.createMember(admin, branch, "导出预备乙", Gender.FEMALE, "PROBATIONARY", "2026-01-10");
		PageSession pages = new PageSession(port);
		pages.login("admin", ApiTest.ADMIN_PASSWORD);

		assertThat(pages.get("/members?organizationId=" + town).body()).contains("id=\"export-members\"");
		assertThat(names(pages.getBytes("/members/export?organizationId=" + town)))
			.containsExactlyInAnyOrder("导出正式甲", "导出预备乙");
		assertThat(names(pages.getBytes("/members/export?organizationId=" + town + "&category=PROBATIONARY")))
			.containsExactly("导出预备乙");
		assertThat(names(pages.getBytes("/members/export?organizationId=" + town + "&q="
				+ URLEncoder.encode("正式", StandardCharsets.UTF_8)))).containsExactly("导出正式甲");
		// the township's own members only: its members are all in the branch below
		assertThat(names(pages.getBytes("/members/export?organizationId=" + town + "&subtree=false"))).isEmpty();
	}
}
