package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/** The supervision pages render for the county with data, and the history page names the new entries in Chinese. */
@ApiTest
class SupervisionPageTests {

	@LocalServerPort
	int port;

	@Test
	void theProblemAndListPagesAndTheHistoryRender() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("页面镇"));
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("页面村"));
		Api.Response notice = admin.post("/api/rectification-notices", Map.of("title", "页面测试通知", "issuedOn",
				today.toString(), "problems", List.of(Map.of("organizationId", village, "description", "页面测试问题",
						"dueOn", today.plusDays(3).toString()))));
		assertThat(notice.status()).as(notice.body()).isEqualTo(201);
		String problem = notice.json().get("problems").get(0).get("id").asText();
		Api.Response list = admin.post("/api/organizations/" + village + "/duty-lists", Map.of("year", today.getYear(),
				"kind", "ORGANIZATION", "items", List.of(Map.of("title", "页面事项", "dueOn", today.toString()))));
		assertThat(list.status()).as(list.body()).isEqualTo(201);

		PageSession page = new PageSession(port);
		page.login("admin", ApiTest.ADMIN_PASSWORD);
		HttpResponse<String> problems = page.get("/supervision/problems?org=" + town);
		assertThat(problems.statusCode()).isEqualTo(200);
		assertThat(problems.body()).contains("页面测试问题", "整改中");
		HttpResponse<String> detail = page.get("/supervision/problems/" + problem);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("页面测试通知", "跟踪督办", "upload-form");
		assertThat(page.get("/supervision/notices/new").body()).contains("notice-form");
		HttpResponse<String> lists = page.get("/supervision/duty-lists?org=" + town);
		assertThat(lists.body()).contains("组织职责清单");
		assertThat(page.get("/supervision/duty-lists/" + list.text("id")).body()).contains("页面事项");
		assertThat(page.get("/supervision/duty-lists/new?org=" + village).body()).contains("duty-list-form");
		HttpResponse<String> history = page.get("/audit?entityId=" + problem);
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(history.body()).contains("交办问题");
	}
}
