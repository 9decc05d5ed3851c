package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages of pairing (携手联心) and contact assignments (挂联包帮) render what the API recorded, and the problem list,
 * the pairings and the assignments download as workbooks honouring the pages' filters.
 */
@ApiTest
class PairingAndContactPageTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	static List<Map<Integer, String>> sheet(HttpResponse<byte[]> xlsx) {
		assertThat(xlsx.statusCode()).isEqualTo(200);
		return FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet(0).headRowNumber(1).doReadSync();
	}

	@Test
	void pairingsAndContactAssignmentsShowTheirYearAndDownload() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String townName = TestData.unique("页面联心镇");
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", townName);
		String agency = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("镇机关支部"));
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("页面联心村"));
		String member = TestData.createMember(admin, agency, "页面认领人", Gender.MALE, "FULL", "2010-07-01");
		String pairing = admin.post("/api/organizations/" + agency + "/pairings",
				Map.of("siteName", "页面照料中心", "startedOn", TODAY.minusDays(40).toString())).text("id");
		assertThat(admin.post("/api/pairings/" + pairing + "/services", Map.of("on", TODAY.toString(), "content",
				"页面服务记录")).status()).isEqualTo(201);
		String wish = admin.post("/api/pairings/" + pairing + "/wishes", Map.of("postedOn", TODAY.toString(), "content",
				"页面微心愿")).text("id");
		String contact = admin.post("/api/contact-assignments", Map.of("kind", "DEPARTMENT_TO_VILLAGE", "memberId",
				member, "organizationId", village, "startedOn", TODAY.minusDays(10).toString())).text("id");
		assertThat(admin.post("/api/contact-assignments/" + contact + "/activities", Map.of("on", TODAY.toString(),
				"kind", "VISIT", "note", "页面走访记录")).status()).isEqualTo(201);

		PageSession page = new PageSession(port);
		page.login("admin", ApiTest.ADMIN_PASSWORD);
		HttpResponse<String> list = page.get("/supervision/pairings?org=" + town);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("页面照料中心", "年度进行中", "pairing-table", "pairings-excel");
		assertThat(page.get("/supervision/pairings?org=" + agency).body()).contains("pair-form");
		assertThat(page.get("/supervision/pairings?org=" + village).body()).doesNotContain("pair-form");
		HttpResponse<String> detail = page.get("/supervision/pairings/" + pairing);
		assertThat(detail.body()).contains("页面微心愿", "页面服务记录", "claim-form", "页面认领人", "wish-form");
		assertThat(sheet(page.getBytes("/supervision/pairings.xlsx?org=" + town)))
			.anyMatch(r -> "页面照料中心".equals(r.get(1)) && "1".equals(r.get(3)) && "年度进行中".equals(r.get(9)));

		HttpResponse<String> contacts = page.get("/supervision/contacts?org=" + town + "&kind=DEPARTMENT_TO_VILLAGE");
		assertThat(contacts.body()).contains("页面认领人", "走访 1/4", "contact-kinds");
		assertThat(page.get("/supervision/contacts/" + contact).body()).contains("页面走访记录", "activity-form");
		HttpResponse<String> coverage = page.get("/supervision/contacts/coverage?org=" + TestData.rootId(admin));
		assertThat(coverage.body()).contains("coverage-table", "缺县领导联系乡镇");
		assertThat(sheet(page.getBytes("/supervision/contacts.xlsx?org=" + town)))
			.anyMatch(r -> "页面认领人".equals(r.get(1)) && r.get(4).contains("走访 1/4"));
		assertThat(sheet(page.getBytes("/supervision/contacts/coverage.xlsx?org=" + town)))
			.anyMatch(r -> townName.equals(r.get(0)) && "县领导联系乡镇".equals(r.get(1)));
		assertThat(page.get("/audit?entityId=" + wish).body()).contains("微心愿");
	}

	@Test
	void theProblemListDownloadsWithItsFilters() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("导出问题镇"));
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("导出问题村"));
		Api.Response notice = admin.post("/api/rectification-notices", Map.of("title", "导出测试通知", "issuedOn",
				TODAY.minusDays(20).toString(), "problems", List.of(
						Map.of("organizationId", village, "description", "已逾期的问题", "dueOn",
								TODAY.minusDays(5).toString()),
						Map.of("organizationId", village, "description", "未到期的问题", "dueOn",
								TODAY.plusDays(5).toString()))));
		assertThat(notice.status()).as(notice.body()).isEqualTo(201);
		PageSession page = new PageSession(port);
		page.login("admin", ApiTest.ADMIN_PASSWORD);

		assertThat(page.get("/supervision/problems?org=" + town + "&overdue=true").body())
			.contains("problems.xlsx?org=" + town + "&amp;status=&amp;overdue=true");
		List<Map<Integer, String>> all = sheet(page.getBytes("/supervision/problems.xlsx?org=" + town));
		assertThat(all).extracting(r -> r.get(0)).containsExactly("已逾期的问题", "未到期的问题");
		assertThat(all.get(0).get(7)).isEqualTo("逾期");
		assertThat(sheet(page.getBytes("/supervision/problems.xlsx?org=" + town + "&overdue=true")))
			.extracting(r -> r.get(0)).containsExactly("已逾期的问题");
		assertThat(sheet(page.getBytes("/supervision/problems.xlsx?org=" + town + "&status=CLOSED"))).isEmpty();
	}
}
