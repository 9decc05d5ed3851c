package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 12 item 6: the star board and the commendations list export to Excel what their pages show. */
@ApiTest
class AssessmentExportsPageTests {

	@LocalServerPort
	int port;

	static List<Map<Integer, String>> sheet(HttpResponse<byte[]> xlsx, int headRows) {
		assertThat(xlsx.statusCode()).isEqualTo(200);
		return FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet(0).headRowNumber(headRows).doReadSync();
	}

	@Test
	void theStarBoardAndTheCommendationsListDownloadAsWorkbooks() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("导出星镇"));
		String branch = TestData.unique("导出星村");
		TestData.createOrg(admin, town, "BRANCH", "RURAL", branch);
		PageSession pages = new PageSession(port);
		pages.login("admin", ApiTest.ADMIN_PASSWORD);
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

		assertThat(pages.get("/assessment/stars?org=" + town + "&year=" + year).body()).contains("stars-xlsx");
		List<Map<Integer, String>> stars = sheet(pages.getBytes("/assessment/stars.xlsx?org=" + town + "&year=" + year), 1);
		assertThat(stars).anyMatch(r -> branch.equals(r.get(0)) && "农村".equals(r.get(2)));

		List<Map<Integer, String>> head = sheet(pages.getBytes("/assessment/commendations.xlsx?org=" + town + "&year=" + year), 0);
		assertThat(head.get(0).values()).containsExactly("对象", "荣誉", "级别", "推荐人", "推荐日期");
	}
}
