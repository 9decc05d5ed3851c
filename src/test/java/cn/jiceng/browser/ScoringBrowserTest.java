package cn.jiceng.browser;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A member files a point claim, the branch secretary approves it, and the member's vanguard index changes. */
@ApiTest
@Tag("browser")
class ScoringBrowserTest {

	private static final String PASSWORD = "Scoring-Browser-1";

	@LocalServerPort
	int port;

	@Test
	void aMemberFilesAClaimTheSecretaryApprovesItAndTheIndexChanges() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		TestData data = new TestData(admin);
		String town = data.org("积分浏览器镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("积分浏览器村党支部", "BRANCH", "RURAL", town);
		String member = data.member("赵申报", branch, "FULL");
		data.member("钱同支部", branch, "FULL");
		String memberUser = account(admin, "MEMBER", branch, member);
		String secretaryUser = account(admin, "BRANCH_SECRETARY", branch, null);
		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		String deduction = item(admin, "LATE_DUES", "未按时交纳党费", -5);
		String bonus = item(admin, "VOLUNTEER", "参加志愿服务活动", 3);
		// Earlier in the month the branch docked five points, so a bonus has room to show.
		// filed by the secretary and approved by the county: the secretary was created by the county admin, so it
		// may not approve what the county admin files (issue 11, no approval by an account the filer created)
		Api secretaryApi = admin.as(secretaryUser, PASSWORD);
		Api.Response docked = secretaryApi.post("/api/members/" + member + "/point-claims",
				Map.of("month", month, "itemCode", deduction, "note", "本月党费逾期未交"));
		assertThat(docked.status()).as(docked.body()).isEqualTo(201);
		assertThat(admin.post("/api/point-claims/" + docked.text("id") + "/approve", Map.of()).status()).isEqualTo(200);

		try (Browser m = new Browser(port, Browser.DESKTOP); Browser s = new Browser(port, Browser.DESKTOP)) {
			m.login(memberUser, PASSWORD);
			m.open("/scoring/me");
			assertThat(m.find(By.id("vanguard-index")).getText()).isEqualTo("95");
			assertThat(m.find(By.id("entries")).getText()).contains("未按时交纳党费", "−5");
			shots(m, "scoring-member");

			m.click(By.id("file-claim"));
			m.wait.until(ExpectedConditions.urlContains("/scoring/claims/new"));
			new Select(m.find(By.id("itemCode"))).selectByValue(bonus);
			m.find(By.id("note")).sendKeys("参加村里环境整治志愿服务两次");
			shots(m, "scoring-claim-form");
			m.click(By.id("submit-claim"));
			m.wait.until(ExpectedConditions.urlContains("/scoring/me"));
			assertThat(m.find(By.cssSelector(".alert-success")).getText()).contains("等待支部审核");
			assertThat(m.find(By.id("my-claims")).getText()).contains("参加志愿服务活动", "待审核");
			assertThat(m.find(By.id("vanguard-index")).getText()).isEqualTo("95");

			s.login(secretaryUser, PASSWORD);
			s.open("/scoring/review");
			By card = By.xpath("//div[@id='claim-queue']//div[contains(@class,'card') and .//a[contains(text(),'赵申报')]"
					+ " and .//span[contains(text(),'参加志愿服务活动')]]");
			assertThat(s.find(card).getText()).contains("待审核");
			shots(s, "scoring-review");
			s.click(By.xpath("//div[@id='claim-queue']//div[contains(@class,'card') and .//span[contains(text(),'参加志愿服务活动')]]"
					+ "//form[contains(@class,'approve-form')]//button"));
			assertThat(s.find(By.cssSelector(".alert-success")).getText()).contains("已通过", "赵申报");

			m.open("/scoring/me?year=" + year);
			assertThat(m.find(By.id("vanguard-index")).getText()).isEqualTo("98");
			assertThat(m.find(By.id("my-claims")).getText()).contains("已通过");
			assertThat(m.find(By.id("entries")).getText()).contains("参加志愿服务活动", "+3");

			s.open("/scoring/ranking?org=" + branch);
			assertThat(s.find(By.id("ranking-table")).getText()).contains("赵申报", "98");
			shots(s, "scoring-ranking");
			s.open("/scoring/warnings?org=" + branch);
			assertThat(s.find(By.id("warning-table")).getText()).contains("没有警示党员");
			shots(s, "scoring-warnings");
			s.open("/scoring/items");
			assertThat(s.find(By.id("items-table")).getText()).contains("参加志愿服务活动");
			shots(s, "scoring-items");
		}
	}

	@Test
	void theCountyAdminSeesTheCatalogueFormAndTheRankingAtCountyLevel() {
		try (Browser b = new Browser(port, Browser.DESKTOP)) {
			b.login("admin", ApiTest.ADMIN_PASSWORD);
			b.open("/scoring/items");
			assertThat(b.find(By.id("item-form")).getText()).contains("新增积分项目");
			shots(b, "scoring-items-admin");
			b.open("/scoring/ranking");
			assertThat(b.find(By.id("ranking-table")).isDisplayed()).isTrue();
			assertThat(b.find(By.id("ranking-excel")).getAttribute("href")).contains("/scoring/ranking.xlsx");
		}
	}

	/** The page at desktop and phone width; on a phone nothing may need sideways scrolling. */
	private static void shots(Browser b, String name) {
		b.resize(Browser.DESKTOP);
		b.screenshot(name + "-1280");
		b.resize(Browser.PHONE);
		b.wait.until(d -> ((Number) b.js("return window.innerWidth")).intValue() <= 400);
		b.screenshot(name + "-390");
		assertThat(b.overflowsHorizontally()).as(name + " at 390 px").isFalse();
		b.resize(Browser.DESKTOP);
		b.wait.until(d -> ((Number) b.js("return window.innerWidth")).intValue() >= 1200);
	}

	private static String account(Api admin, String role, String organizationId, String memberId) {
		String user = "sc-" + Long.toString(System.nanoTime(), 36);
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", PASSWORD);
		body.put("role", role);
		body.put("organizationId", organizationId);
		if (memberId != null) {
			body.put("memberId", memberId);
		}
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return user;
	}

	private static String item(Api admin, String prefix, String name, int points) {
		String code = prefix + "_B" + Long.toString(System.nanoTime(), 36).toUpperCase();
		Api.Response r = admin.post("/api/point-items", Map.of("code", code, "name", name, "points", points));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return code;
	}
}
