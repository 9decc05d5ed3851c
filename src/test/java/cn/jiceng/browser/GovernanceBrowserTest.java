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
}
