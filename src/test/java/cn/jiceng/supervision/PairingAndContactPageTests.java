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

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
	}

	private PageSession pageAs(Api admin, String role, String org, String member) {
		String user = TestData.unique("pp").replace("-", "");
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("username", user, "password", "Pair-Pass-1", "role", role, "organizationId", org));
		if (member != null) {
			body.put("memberId", member);
		}
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		PageSession page = new PageSession(port);
		page.login(user, "Pair-Pass-1");
		return page;
	}

	@Test
	void aClerkAssignsACadreByNameToATargetTheKindAllowsAndARefusalKeepsTheForm() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("新挂联镇"));
		String villageName = TestData.unique("新挂联村");
		String village = TestData.createOrg(admin, town, "BRANCH", "RURAL", villageName);
		String cadreName = TestData.unique("挂联干部").replace("-", "");
		String cadre = TestData.createMember(admin, village, cadreName, Gender.MALE, "FULL", "2010-07-01");
		PageSession page = pageAs(admin, "TOWNSHIP_ADMIN", town, null);

		assertThat(page.get("/supervision/contacts?org=" + town).body()).contains("new-contact-link");
		assertThat(page.get("/supervision/contacts/new?org=" + town).body()).contains("contact-new-form", "member-query");
		assertThat(page.get("/supervision/contacts/new/members?memberQuery=" + enc(cadreName)).body())
			.contains(cadreName, "value=\"" + cadre + "\"");
		assertThat(page.get("/supervision/contacts/new/targets?kind=DEPARTMENT_TO_VILLAGE&targetQuery="
				+ enc(villageName)).body()).contains(villageName);
		assertThat(page.get("/supervision/contacts/new/targets?kind=LEADER_TO_TOWNSHIP&targetQuery="
				+ enc(villageName)).body()).doesNotContain(villageName);

		String form = "/supervision/contacts/new?org=" + town;
		HttpResponse<String> refused = page.postForm(form, form, Map.of("kind", "LEADER_TO_TOWNSHIP", "memberId", cadre,
				"memberQuery", cadreName, "organizationId", village, "targetQuery", villageName, "startedOn",
				TODAY.toString()));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("县领导联系的对象应为乡镇", cadreName, villageName, "value=\"" + TODAY + "\"");
		HttpResponse<String> made = page.postForm(form, form, Map.of("kind", "DEPARTMENT_TO_VILLAGE", "memberId", cadre,
				"organizationId", village, "startedOn", TODAY.toString()));
		assertThat(made.statusCode()).isEqualTo(302);
		String id = made.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
		assertThat(page.get("/supervision/contacts/" + id).body()).contains(cadreName, "已建立挂联");

		PageSession secretary = pageAs(admin, "BRANCH_SECRETARY", village, null);
		assertThat(secretary.get("/supervision/contacts?org=" + village).body()).doesNotContain("new-contact-link");
		assertThat(secretary.get("/supervision/contacts/new").statusCode()).isEqualTo(403);
	}

	@Test
	void aMemberOfTheAgencyBranchClaimsAnOpenWishForItselfAndMarksItCompleted() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("心愿镇"));
		String agency = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("心愿机关支部"));
		String other = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("别的机关支部"));
		String me = TestData.createMember(admin, agency, "心愿党员", Gender.FEMALE, "FULL", "2012-07-01");
		String colleague = TestData.createMember(admin, agency, "心愿同事", Gender.MALE, "FULL", "2012-07-01");
		String outsider = TestData.createMember(admin, other, "别支部党员", Gender.MALE, "FULL", "2012-07-01");
		String pairing = admin.post("/api/organizations/" + agency + "/pairings",
				Map.of("siteName", "心愿照料中心", "startedOn", TODAY.minusDays(30).toString())).text("id");
		String wish = admin.post("/api/pairings/" + pairing + "/wishes", Map.of("postedOn", TODAY.toString(), "content",
				"给独居老人买收音机")).text("id");
		String taken = admin.post("/api/pairings/" + pairing + "/wishes", Map.of("postedOn", TODAY.toString(), "content",
				"给留守儿童送文具")).text("id");

		PageSession page = pageAs(admin, "MEMBER", agency, me);
		assertThat(page.get("/supervision/my-wishes").body()).contains("my-wishes-link");
		String list = "/supervision/my-wishes";
		assertThat(page.get(list).body()).contains("给独居老人买收音机", "给留守儿童送文具", "claim-mine");
		assertThat(admin.post("/api/wishes/" + taken + "/claim", Map.of("memberId", colleague, "on", TODAY.toString()))
			.status()).isEqualTo(200);
		assertThat(page.postForm(list, list + "/" + taken + "/claim", Map.of()).statusCode()).isEqualTo(302);
		assertThat(page.get(list).body()).contains("已被认领").doesNotContain("给留守儿童送文具");

		assertThat(page.postForm(list, list + "/" + wish + "/claim", Map.of()).statusCode()).isEqualTo(302);
		HttpResponse<String> claimed = page.get(list);
		assertThat(claimed.body()).contains("已认领", "complete-mine", "给独居老人买收音机");
		assertThat(page.postForm(list, list + "/" + wish + "/complete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(page.get(list).body()).contains("已标记完成", "my-completed");
		var wishes = admin.get("/api/pairings/" + pairing).json().get("wishes");
		assertThat(wishes.toString()).contains("COMPLETED", "心愿党员");

		PageSession stranger = pageAs(admin, "MEMBER", other, outsider);
		assertThat(stranger.get(list).body()).doesNotContain("给独居老人买收音机", "心愿照料中心");
	}
}
