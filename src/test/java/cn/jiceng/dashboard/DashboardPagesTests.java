package cn.jiceng.dashboard;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard page, the Excel of its children table (the API's rows), the wall's refresh and cycle, the scope. */
@ApiTest
class DashboardPagesTests {

	@LocalServerPort
	int port;

	Api admin;

	PageSession pages;

	String town;

	String branch;

	String other;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		pages = new PageSession(port);
		pages.login("admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("大屏镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("大屏甲支部"));
		other = TestData.createOrg(admin, town, "BRANCH", "COMMUNITY", TestData.unique("大屏乙支部"));
		TestData.createMember(admin, branch, "大屏党员甲", Gender.MALE, "FULL", "2012-03-01");
		TestData.createMember(admin, branch, "大屏党员乙", Gender.FEMALE, "PROBATIONARY", "2025-09-01");
		TestData.createMember(admin, other, "大屏党员丙", Gender.MALE, "FULL", "2012-03-01");
	}

	@Test
	void thePageShowsTheFiguresTheChartDataTheTreeAndTheChildren() {
		HttpResponse<String> page = pages.get("/dashboard?organizationId=" + town + "&month=2025-10");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("指挥中心", "org-tree-root", "/js/dashboard-charts.js", "data-chart=\"line\"",
				"id=\"fig-members\">3<", "value=\"2025-10\"", "/dashboard/wall?organizationId=" + town)
			.contains("/dashboard?organizationId=" + branch + "&amp;month=2025-10")
			.doesNotContain("<script>");
	}

	@Test
	void theChildrenExcelHoldsTheApisChildrenRows() {
		JsonNode api = admin.get("/api/organizations/" + town + "/dashboard?month=2025-10").json();
		HttpResponse<byte[]> xlsx = pages.getBytes("/dashboard/children.xlsx?organizationId=" + town + "&month=2025-10");

		assertThat(xlsx.statusCode()).isEqualTo(200);
		List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet(0)
			.headRowNumber(1).doReadSync();
		Map<String, String> members = new HashMap<>();
		rows.forEach(r -> members.put(r.get(0), r.get(1)));
		assertThat(rows).hasSize(api.get("children").size()).hasSize(2);
		api.get("children").forEach(c -> assertThat(members.get(c.get("name").asText())).isEqualTo(c.get("members").asText()));
	}

	@Test
	void theWallRefreshesItselfAndCyclesThroughTheChildren() {
		String first = pages.get("/dashboard/wall?organizationId=" + town).body();
		String second = pages.get("/dashboard/wall?organizationId=" + town + "&step=1").body();
		String wrapped = pages.get("/dashboard/wall?organizationId=" + town + "&step=3").body();

		assertThat(first).contains("http-equiv=\"refresh\"", "step=1", "1/3");
		assertThat(second).contains("step=2", "2/3");
		assertThat(wrapped).contains("step=1", "1/3");
	}

	@Test
	void aTownshipAdminElsewhereGetsNotFound() {
		String elsewhere = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("别镇"));
		String user = TestData.unique("wall").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Dashboard-Page-1");
		body.put("role", "TOWNSHIP_ADMIN");
		body.put("organizationId", elsewhere);
		assertThat(admin.post("/api/accounts", body).status()).isEqualTo(201);
		PageSession theirs = new PageSession(port);
		theirs.login(user, "Dashboard-Page-1");

		assertThat(theirs.get("/dashboard?organizationId=" + town).statusCode()).isEqualTo(404);
		assertThat(theirs.get("/dashboard/wall?organizationId=" + town).statusCode()).isEqualTo(404);
		assertThat(theirs.getBytes("/dashboard/children.xlsx?organizationId=" + town).statusCode()).isEqualTo(404);
		assertThat(theirs.get("/dashboard").statusCode()).isEqualTo(200);
	}
}
