package cn.jiceng.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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

/**
 * Issue 17 item 4: the compliance and accountability lists are paged, filtered by township and field, have the
 * tree beside them, and their Excel holds exactly the rows the filters show.
 */
@ApiTest
class OrgLifeListPagesTests {

	@LocalServerPort
	int port;

	Api admin;

	PageSession pages;

	String root;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		root = TestData.rootId(admin);
		pages = new PageSession(port);
		pages.login("admin", ApiTest.ADMIN_PASSWORD);
	}

	String branchWithMember(String town, String field, String name) {
		String b = TestData.createOrg(admin, town, "BRANCH", field, name);
		TestData.createMember(admin, b, "列表党员", Gender.MALE, "FULL", "2010-05-01");
		return b;
	}

	static List<Map<Integer, String>> rows(HttpResponse<byte[]> xlsx) {
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		return FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet(0).headRowNumber(1).doReadSync();
	}

	@Test
	void theComplianceListShowsFiftyBranchesAPageFiltersByTownshipAndExportsTheFilteredRows() {
		String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("达标镇"));
		String other = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("他达标镇"));
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 52; i++) {
			names.add(String.format("达标支部%02d-%s", i, town));
			branchWithMember(town, "RURAL", names.get(i));
		}
		String elsewhere = TestData.unique("他镇支部");
		branchWithMember(other, "RURAL", elsewhere);

		String first = pages.get("/orglife/compliance?organizationId=" + root + "&township=" + town).body();
		assertThat(first).contains("共 <span>52</span> 条", names.get(0), "org-tree-root", "导出 Excel")
			.doesNotContain(elsewhere, names.get(51));
		String second = pages.get("/orglife/compliance?organizationId=" + root + "&township=" + town + "&page=1").body();
		assertThat(second).contains(names.get(50), names.get(51)).doesNotContain(names.get(0) + "<");

		List<Map<Integer, String>> sheet = rows(
				pages.getBytes("/orglife/compliance.xlsx?organizationId=" + root + "&township=" + town));
		assertThat(sheet).hasSize(52);
		assertThat(sheet).extracting(r -> r.get(0)).containsExactlyInAnyOrderElementsOf(names);
		assertThat(sheet.get(0).get(3)).isEqualTo("未达标");
		assertThat(sheet.get(0).get(4)).contains("主题党日");
	}

	@Test
	void theAccountabilityListFiltersByFieldAndItsExcelHoldsTheSameRows() {
		String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("问责镇"));
		String rural = TestData.unique("问责农村支部");
		String agency = TestData.unique("问责机关支部");
		branchWithMember(town, "RURAL", rural);
		branchWithMember(town, "AGENCY", agency);

		String all = pages.get("/orglife/accountability?organizationId=" + town).body();
		assertThat(all).contains(rural, agency, "org-tree-root", "全部领域");
		String onlyAgency = pages.get("/orglife/accountability?organizationId=" + town + "&field=AGENCY").body();
		assertThat(onlyAgency).contains(agency).doesNotContain(rural + "</a>");

		List<Map<Integer, String>> sheet = rows(
				pages.getBytes("/orglife/accountability.xlsx?organizationId=" + town + "&field=AGENCY"));
		assertThat(sheet).extracting(r -> r.get(0)).containsExactly(agency);
		assertThat(sheet.get(0).get(2)).isEqualTo("机关");
	}

	@Test
	void theDuesSummaryPagesItsBranchesAndCanShowOnlyThoseWithMembersStillToPay() {
		String townName = TestData.unique("党费镇");
		String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", townName);
		String branch = TestData.unique("党费支部");
		branchWithMember(town, "RURAL", branch);
		String page = pages.get("/dues/summary?organizationId=" + town).body();
		assertThat(page).contains(branch, "org-tree-root", "有未交清");
		// the member has no dues base, so nobody is due and the branch has nothing left to pay
		String unpaid = pages.get("/dues/summary?organizationId=" + town + "&status=unpaid").body();
		assertThat(unpaid).doesNotContain(branch + "</a>").contains("所有支部均已交清");
		HttpResponse<byte[]> xlsx = pages.getBytes("/dues/summary.xlsx?organizationId=" + town + "&status=unpaid");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		List<Map<Integer, String>> branches = FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet("按党支部")
			.headRowNumber(1).doReadSync();
		assertThat(branches).extracting(r -> r.get(0)).containsExactly("合计（" + townName + "）");
	}
}
