package cn.jiceng.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 17 item 4: terms and advice are paged, filtered, have the tree beside them and export what they show. */
@ApiTest
class LifecycleListPagesTests {

	@LocalServerPort
	int port;

	Api admin;

	PageSession pages;

	String town;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("生命周期镇"));
		pages = new PageSession(port);
		pages.login("admin", ApiTest.ADMIN_PASSWORD);
	}

	static List<String> firstColumn(HttpResponse<byte[]> xlsx) {
		assertThat(xlsx.statusCode()).isEqualTo(200);
		List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet(0)
			.headRowNumber(1).doReadSync();
		return rows.stream().map(r -> r.get(0)).toList();
	}

	@Test
	void theTermListFiltersByFieldAndExportsTheFilteredOrganizations() {
		String rural = TestData.unique("换届农村支部");
		String agency = TestData.unique("换届机关支部");
		TestData.createOrg(admin, town, "BRANCH", "RURAL", rural);
		TestData.createOrg(admin, town, "BRANCH", "AGENCY", agency);

		assertThat(pages.get("/terms?organizationId=" + town).body()).contains(rural, agency, "org-tree-root", "导出 Excel");
		assertThat(pages.get("/terms?organizationId=" + town + "&field=AGENCY").body()).contains(agency)
			.doesNotContain(rural);
		assertThat(firstColumn(pages.getBytes("/terms.xlsx?organizationId=" + town + "&field=AGENCY")))
			.containsExactly(agency);
	}

	@Test
	void theAdviceListShowsThirtyCardsAPageAndItsExcelHoldsEveryFilteredAdvice() {
		for (int i = 0; i < 31; i++) {
			String b = TestData.createOrg(admin, town, "BRANCH", "RURAL", String.format("建议支部%02d-%s", i, town));
			TestData.createMember(admin, b, "建议党员", Gender.MALE, "FULL", "2010-05-01");
		}
		String first = pages.get("/advice?organizationId=" + town + "&code=JOIN_BRANCH").body();
		assertThat(first).contains("共 <span>31</span> 条", "org-tree-root").doesNotContain("建议支部30-");
		assertThat(pages.get("/advice?organizationId=" + town + "&code=JOIN_BRANCH&page=1").body()).contains("建议支部30-");
		assertThat(firstColumn(pages.getBytes("/advice.xlsx?organizationId=" + town + "&code=JOIN_BRANCH"))).hasSize(31)
			.allMatch(n -> n.startsWith("建议支部"));
	}
}
