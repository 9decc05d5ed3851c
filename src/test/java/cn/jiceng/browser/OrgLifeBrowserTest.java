package cn.jiceng.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretary's flow on the organizational-life pages: the wall chart of a year without themed days, a themed day
 * recorded through the one-tap attendance form, evidence uploaded, and the wall chart turned red and pink; then
 * every organizational-life page at desktop and phone width.
 */
@ApiTest
@Tag("browser")
class OrgLifeBrowserTest {

	@LocalServerPort
	int port;

	private String color(Browser b, String memberId, String month) {
		return b.find(By.cssSelector("#wall-chart tr[data-member-id='" + memberId + "'] td[data-month='" + month + "']"))
			.getAttribute("data-color");
	}

	@Test
	void aThemedDayRecordedThroughTheFormColorsTheWallChart() throws Exception {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("四色镇"));
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("四色村党支部"));
		String present = TestData.createMember(admin, branch, "红出席", Gender.MALE, "FULL", "2020-01-01");
		String onLeave = TestData.createMember(admin, branch, "粉请假", Gender.FEMALE, "FULL", "2020-01-01");
		String other = TestData.createMember(admin, branch, "红同志", Gender.MALE, "FULL", "2020-01-01");
		Api.Response plan = admin.post("/api/organizations/" + branch + "/plans",
				Map.of("month", "2025-03", "theme", "学习贯彻党的二十届三中全会精神", "content", "重温入党誓词；集中学习；志愿服务"));
		assertThat(plan.status()).as(plan.body()).isIn(200, 201);

		try (Browser b = new Browser(port, Browser.PHONE)) {
			b.login("admin", ApiTest.ADMIN_PASSWORD);
			b.open("/orglife/branches/" + branch + "/four-color?year=2025");
			assertThat(color(b, onLeave, "2025-03")).isEqualTo("NONE");
			assertThat(color(b, present, "2025-03")).isEqualTo("NONE");

			b.open("/orglife/branches/" + branch + "/meetings/new?heldOn=2025-03-15");
			assertThat(b.find(By.id("theme")).getAttribute("value")).isEqualTo("学习贯彻党的二十届三中全会精神");
			assertThat(b.driver.findElement(By.id("att_" + present + "_PRESENT")).isSelected()).isTrue();
			b.find(By.id("firstTopic")).sendKeys("学习习近平总书记关于基层党建的重要论述");
			b.click(By.cssSelector("label[for='att_" + onLeave + "_LEAVE']"));
			b.click(By.id("save-meeting"));
			b.wait.until(ExpectedConditions.urlContains("/orglife/meetings/"));
			assertThat(b.find(By.cssSelector("#attendance-list li[data-member-id='" + onLeave + "'] .status")).getText())
				.isEqualTo("请假");
			assertThat(b.find(By.id("flash")).getText()).contains("补录");

			Path evidence = Files.createTempFile("主题党日签到表-", ".txt");
			Files.writeString(evidence, "签到：红出席、红同志；请假：粉请假");
			b.driver.findElement(By.id("file")).sendKeys(evidence.toAbsolutePath().toString());
			b.click(By.id("upload-button"));
			b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-list"),
					evidence.getFileName().toString()));
			Files.delete(evidence);

			b.open("/orglife/branches/" + branch + "/four-color?year=2025");
			assertThat(color(b, onLeave, "2025-03")).isEqualTo("PINK");
			assertThat(color(b, present, "2025-03")).isEqualTo("RED");
			assertThat(color(b, other, "2025-03")).isEqualTo("RED");
			assertThat(color(b, present, "2025-04")).isEqualTo("NONE");

			// The printable chart through the page route (the session, not a token) carries its Chinese text.
			Cookie session = b.driver.manage().getCookieNamed("JSESSIONID");
			HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
					"http://localhost:" + port + "/orglife/branches/" + branch + "/four-color.pdf?year=2025"))
				.header("Cookie", "JSESSIONID=" + session.getValue())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(pdf.statusCode()).isEqualTo(200);
			try (PDDocument doc = Loader.loadPDF(pdf.body())) {
				assertThat(new PDFTextStripper().getText(doc)).contains("2025年度党员四色纪实公示表", "粉请假", "红=参加");
			}
		}
	}

	@Test
	void everyOrganizationalLifePageFitsDesktopAndPhone() throws Exception {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("截图镇"));
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("截图村党支部"));
		String idle = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("截图机关党支部"));
		String first = null;
		for (int i = 0; i < 9; i++) {
			String id = TestData.createMember(admin, i % 2 == 0 ? branch : idle, "截图党员" + i, Gender.MALE, "FULL",
					"2020-01-01");
			first = first == null ? id : first;
		}
		admin.post("/api/members/" + first + "/mobility", Map.of("destination", "浙江省杭州市", "startedOn", "2024-03-01"));
		admin.post("/api/members/" + first + "/remote-reports",
				Map.of("month", "2025-05", "channel", "WECHAT", "content", "在杭州务工，按时参加流入地支部学习"));
		Api.Response meeting = admin.post("/api/organizations/" + branch + "/meetings", Map.of("type", "THEMED_DAY",
				"heldOn", "2025-05-20", "theme", "学习贯彻党的二十届三中全会精神", "attendance", java.util.List.of()));
		assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
		admin.post("/api/organizations/" + idle + "/themed-day-exemptions",
				Map.of("month", "2025-07", "reason", "防汛抗洪集中值守"));

		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("orglife-branch", "/orglife/branches/" + branch + "?month=2025-05");
		pages.put("orglife-plan", "/orglife/branches/" + branch + "/plan?month=2025-06");
		pages.put("orglife-meeting-new", "/orglife/branches/" + branch + "/meetings/new?heldOn=2025-05-20");
		pages.put("orglife-meeting", "/orglife/meetings/" + meeting.text("id"));
		pages.put("orglife-four-color", "/orglife/branches/" + branch + "/four-color?year=2025");
		pages.put("orglife-compliance", "/orglife/compliance?organizationId=" + town + "&month=2025-05&show=all");
		pages.put("orglife-accountability", "/orglife/accountability?organizationId=" + town + "&year=2025");

		try (Browser b = new Browser(port, Browser.DESKTOP)) {
			b.login("admin", ApiTest.ADMIN_PASSWORD);
			for (Dimension size : new Dimension[] { Browser.DESKTOP, Browser.PHONE }) {
				b.resize(size);
				for (var page : pages.entrySet()) {
					b.open(page.getValue());
					String name = page.getKey() + "-" + size.getWidth();
					assertThat(b.find(By.tagName("h1")).getText()).as(name).doesNotContain("出错了", "无权访问", "页面不存在");
					assertThat(b.overflowsHorizontally()).as(name + " scrolls sideways").isFalse();
					assertThat(Files.size(b.screenshot(name))).as(name).isPositive();
				}
			}
			b.open("/orglife/accountability?organizationId=" + town + "&year=2025");
			assertThat(b.find(By.id("accountability-table")).getText()).contains("截图机关党支部");
			assertThat(b.find(By.id("exemption-list")).getText()).contains("防汛抗洪集中值守");
		}
	}
}
