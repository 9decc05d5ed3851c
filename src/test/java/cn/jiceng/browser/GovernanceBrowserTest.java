package cn.jiceng.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** On a phone-sized window a secretary walks a 四议两公开 decision through its steps, and reads the village 135 pages. */
@ApiTest
@Tag("browser")
class GovernanceBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void aDecisionIsWalkedThroughItsStepsOnAPhone() throws Exception {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		TestData data = new TestData(admin);
		String town = data.org("议事浏览器镇", "COMMITTEE", "RURAL", data.root);
		String village = data.org("议事浏览器村党支部", "BRANCH", "RURAL", town);
		for (String name : List.of("甲", "乙", "丙")) {
			cn.jiceng.support.TestData.createMember(admin, village, "议事" + name, Gender.MALE, "FULL", "2010-05-01");
		}
		try (Browser b = new Browser(port, Browser.PHONE)) {
			b.login("admin", ApiTest.ADMIN_PASSWORD);
			b.open("/masswork/decisions?organizationId=" + village);
			b.click(By.cssSelector("#new-decision summary"));
			new Select(b.find(By.id("villageId"))).selectByValue(village);
			b.find(By.id("title")).sendKeys("村集体山林流转方案");
			new Select(b.find(By.id("category"))).selectByValue("LAND");
			b.click(By.id("submit-decision"));
			assertThat(b.find(By.id("flash")).getText()).contains("已登记");
			b.find(By.id("notes")).sendKeys("支委会研究提议");
			b.click(By.id("submit-step"));
			assertThat(b.find(By.id("flash")).getText()).contains("下一步", "两委");
			b.click(By.id("submit-step"));
			assertThat(b.find(By.id("step-form")).getText()).contains("在册党员 3 名");
			b.find(By.id("present")).sendKeys("1");
			b.find(By.id("yes")).sendKeys("1");
			b.click(By.id("submit-step"));
			assertThat(b.find(By.id("page-problem")).getText()).contains("三分之二");
			b.find(By.id("present")).clear();
			b.find(By.id("present")).sendKeys("3");
			b.find(By.id("yes")).clear();
			b.find(By.id("yes")).sendKeys("2");
			b.click(By.id("submit-step"));
			assertThat(b.find(By.id("flash")).getText()).contains("村民会议或村民代表会议决议");
			assertThat(b.find(By.id("step-form")).getText()).contains("决议机构");
			assertThat(b.overflowsHorizontally()).as("decision at 390 px").isFalse();
			b.screenshot("masswork-decision-390");
			b.open("/masswork/decisions?organizationId=" + town);
			assertThat(b.find(By.id("decision-list")).getText()).contains("村集体山林流转方案", "3/6 步");
			assertThat(b.overflowsHorizontally()).as("decisions at 390 px").isFalse();
			b.screenshot("masswork-decisions-390");
		}
		String id = admin.get("/api/organizations/" + village + "/decisions").json().get("items").get(0).get("id").asText();
		Api.Response pdf = admin.get("/api/decisions/" + id + "/record.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve("decision-record.pdf"), pdf.bytes());
	}

	@Test
	void theVillage135PagesShowBodiesSystemsAndCommitmentsOnAPhone() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		TestData data = new TestData(admin);
		String town = data.org("一三五浏览器镇", "COMMITTEE", "RURAL", data.root);
		String village = data.org("一三五浏览器村党支部", "BRANCH", "RURAL", town);
		String m = cn.jiceng.support.TestData.createMember(admin, village, "示范甲", Gender.MALE, "FULL", "2010-05-01");
		assertThat(admin.post("/api/members/" + m + "/commitments", Map.of("year", java.time.LocalDate.now().getYear(),
				"text", "负责三组河道保洁", "post", "RESPONSIBILITY_AREA")).status()).isEqualTo(201);
		assertThat(admin.post("/api/organizations/" + village + "/weekly-meetings", Map.of("heldOn",
				java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString(), "topic", "研究秤砣工作日安排",
				"attendeeMemberIds", List.of(m))).status()).isEqualTo(201);
		try (Browser b = new Browser(port, Browser.PHONE)) {
			b.login("admin", ApiTest.ADMIN_PASSWORD);
			b.open("/masswork/governance?organizationId=" + village);
			b.js("document.querySelectorAll('details').forEach(d => d.open = true)");
			b.find(By.cssSelector("#body-form input[name=memberNames]")).sendKeys("张主任、李委员");
			b.click(By.cssSelector("#body-form button"));
			assertThat(b.find(By.id("flash")).getText()).contains("已登记");
			assertThat(b.find(By.id("bodies")).getText()).contains("张主任、李委员");
			b.js("document.querySelectorAll('#bodies details').forEach(d => d.open = true)");
			b.screenshot("masswork-body-edit-390");
			var names = b.find(By.cssSelector(".body-edit textarea"));
			names.clear();
			names.sendKeys("张主任、王委员");
			b.click(By.cssSelector(".body-edit button"));
			assertThat(b.find(By.id("flash")).getText()).contains("已修改成员");
			assertThat(b.find(By.id("bodies")).getText()).contains("张主任、王委员");
			assertThat(b.find(By.id("meetings")).getText()).contains("研究秤砣工作日安排", "示范甲");
			assertThat(b.find(By.id("systems")).getText()).contains("岗位承诺", "已运行");
			assertThat(b.overflowsHorizontally()).as("village 135 at 390 px").isFalse();
			b.screenshot("masswork-governance-390");
			b.open("/masswork/governance?organizationId=" + town);
			assertThat(b.find(By.id("governance-table")).getText()).contains("一三五浏览器村党支部", "1/3");
			assertThat(b.overflowsHorizontally()).as("township 135 at 390 px").isFalse();
			b.screenshot("masswork-governance-table-390");
			b.open("/masswork/commitments?organizationId=" + village);
			assertThat(b.find(By.id("commitments")).getText()).contains("示范甲", "负责三组河道保洁", "责任区");
			assertThat(b.overflowsHorizontally()).as("commitments at 390 px").isFalse();
			b.screenshot("masswork-commitments-390");
		}
	}
}
