package cn.jiceng.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The monthly bulletin of a township as PDF: the issuer, the dashboard's figures, the branch that missed its themed
 * day, the overdue problem of its village and the bottom of the inspection, all in the text; another township's
 * account gets 404. The PDF lands in target/screenshots to be looked at as images.
 */
@ApiTest
class DashboardBulletinApiTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Test
	void aTownshipsBulletinCarriesItsFiguresListsAndRankingAndStaysInScope() throws Exception {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		YearMonth month = YearMonth.from(TODAY).minusMonths(1);
		String townName = TestData.unique("通报镇");
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", townName);
		String heldName = TestData.unique("达标村党支部");
		String missedName = TestData.unique("未达标村党支部");
		String held = TestData.createOrg(admin, town, "BRANCH", "RURAL", heldName);
		String missed = TestData.createOrg(admin, town, "BRANCH", "RURAL", missedName);
		String first = TestData.createMember(admin, held, "通报党员一", Gender.MALE, "FULL", "2010-05-01");
		TestData.createMember(admin, held, "通报党员二", Gender.FEMALE, "FULL", "2012-05-01");
		TestData.createMember(admin, missed, "通报党员三", Gender.MALE, "PROBATIONARY", TODAY.minusMonths(3).toString());
		Map<String, Object> meeting = new LinkedHashMap<>();
		meeting.put("type", "THEMED_DAY");
		meeting.put("heldOn", month.atDay(10).toString());
		meeting.put("theme", "通报测试主题党日");
		meeting.put("firstTopic", "学习贯彻党的二十届四中全会精神");
		meeting.put("minutes", "会议记录");
		meeting.put("attendance", List.of(Map.of("memberId", first, "status", "PRESENT")));
		Api.Response m = admin.post("/api/organizations/" + held + "/meetings", meeting);
		assertThat(m.status()).as(m.body()).isEqualTo(201);
		Api.Response notice = admin.post("/api/rectification-notices", Map.of("title", "通报整改通知", "issuedOn",
				TODAY.minusDays(20).toString(), "problems", List.of(Map.of("organizationId", missed, "description",
						"台账不全", "dueOn", TODAY.minusDays(1).toString()))));
		assertThat(notice.status()).as(notice.body()).isEqualTo(201);
		Api.Response round = admin.post("/api/inspections", Map.of("name", "通报经常赛", "kind", "FREQUENT", "heldOn",
				TODAY.minusDays(5).toString(), "organizationIds", List.of(held, missed), "items",
				List.of(Map.of("code", "ALL", "name", "综合", "points", 100))));
		assertThat(round.status()).as(round.body()).isEqualTo(201);
		String id = round.text("id");
		assertThat(admin.put("/api/inspections/" + id + "/scores", Map.of("scores", List.of(
				Map.of("organizationId", held, "itemCode", "ALL", "points", 91),
				Map.of("organizationId", missed, "itemCode", "ALL", "points", 57)))).status()).isEqualTo(200);
		assertThat(admin.post("/api/inspections/" + id + "/publish", Map.of()).status()).isEqualTo(200);

		Api.Response pdf = admin.get("/api/organizations/" + town + "/bulletin.pdf?month=" + month);

		assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		Path dir = Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(dir.resolve("bulletin-township.pdf"), pdf.bytes());
		String text;
		try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
			text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
		String monthLabel = month.getYear() + "年" + month.getMonthValue() + "月";
		assertThat(text).contains(townName, "关于" + monthLabel + townName + "基层党建工作情况的通报",
				month.getYear() + "年第" + month.getMonthValue() + "期", "一、主要指标", "二、组织生活开展情况");
		// figures: three members (one probationary), one of two branches compliant, one overdue problem
		assertThat(text).contains("共有党员3名", "预备党员1名", "达标1个，未达标1个，达标率50.0%", "问题整改1件");
		// the lists: the missed branch, the overdue item of its village, the bottom of the ranking
		assertThat(text).contains(missedName + "未开展主题党日", "通报经常赛", "57");
		assertThat(text.indexOf(missedName)).isPositive();

		// a branch's bulletin goes to its own committee: no organizations below it, no children section
		Api.Response branchPdf = admin.get("/api/organizations/" + held + "/bulletin.pdf?month=" + month);
		assertThat(branchPdf.status()).isEqualTo(200);
		try (PDDocument doc = Loader.loadPDF(branchPdf.bytes())) {
			String branchText = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(branchText).contains(heldName + "共有党员2名", "请支部委员会对照本通报").doesNotContain("六、", "下辖");
		}

		// another township's account sees nothing of it; a bad month is refused
		String other = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("他通报镇"));
		String user = TestData.unique("bulletin").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Bulletin-Test-1");
		body.put("role", "TOWNSHIP_ADMIN");
		body.put("organizationId", other);
		assertThat(admin.post("/api/accounts", body).status()).isEqualTo(201);
		Api township = admin.as(user, "Bulletin-Test-1");
		assertThat(township.get("/api/organizations/" + town + "/bulletin.pdf?month=" + month).status()).isEqualTo(404);
		assertThat(township.get("/api/organizations/" + other + "/bulletin.pdf").status()).isEqualTo(200);
		assertThat(admin.get("/api/organizations/" + town + "/bulletin.pdf?month=2025-13").status()).isEqualTo(400);
	}
}
