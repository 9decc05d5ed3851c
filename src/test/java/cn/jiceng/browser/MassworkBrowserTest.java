package cn.jiceng.browser;

import java.util.HashMap;
import java.util.List;
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

/** On a phone-sized window a cadre records an errand and completes it, then records a visit found by search. */
@ApiTest
@Tag("browser")
class MassworkBrowserTest {

	private static final String PASSWORD = "Mass-Browser-1";

	@LocalServerPort
	int port;

	@Test
	void aCadreRecordsAnErrandAndAVisitOnAPhone() {
		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		TestData data = new TestData(admin);
		String town = data.org("代办浏览器镇", "COMMITTEE", "RURAL", data.root);
		String village = data.org("代办浏览器村党支部", "BRANCH", "RURAL", town);
		Api.Response h = admin.post("/api/organizations/" + village + "/households",
				Map.of("head", "孙走访", "address", "三组8号", "group", "三组", "tags", List.of("ELDERLY_ALONE")));
		assertThat(h.status()).as(h.body()).isEqualTo(201);
		String user = "mwb-" + Long.toString(System.nanoTime(), 36);
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", PASSWORD);
		body.put("role", "CADRE");
		body.put("organizationId", town);
		assertThat(admin.post("/api/accounts", body).status()).isEqualTo(201);

		try (Browser b = new Browser(port, Browser.PHONE)) {
			b.login(user, PASSWORD);
			b.open("/masswork/errands");
			b.click(By.id("record-errand"));
			new Select(b.find(By.id("organizationId"))).selectByValue(village);
			b.find(By.id("requester")).sendKeys("周办事");
			b.find(By.id("content")).sendKeys("代缴新农合医保");
			b.click(By.id("submit-errand"));
			assertThat(b.find(By.id("errand-flash")).getText()).contains("已受理", "周办事");
			assertThat(b.find(By.id("open-errands")).getText()).contains("周办事", "代缴新农合医保", "已受理");
			assertThat(b.overflowsHorizontally()).as("errands at 390 px").isFalse();
			b.screenshot("masswork-errands-390");

			By card = By.xpath("//div[@id='open-errands']/div[@data-requester='周办事']");
			b.find(By.xpath("//div[@id='open-errands']/div[@data-requester='周办事']//input[@name='result']"))
				.sendKeys("已代缴");
			b.click(By.xpath("//div[@id='open-errands']/div[@data-requester='周办事']//form[contains(@class,'complete-form')]//button"));
			assertThat(b.find(By.id("errand-flash")).getText()).contains("已办结");
			assertThat(b.driver.findElements(card)).isEmpty();
			assertThat(b.find(By.id("done-errands")).getText()).contains("周办事", "当日办结");

			b.open("/masswork/visits/new");
			b.find(By.id("household-search")).sendKeys("孙走");
			b.click(By.id("search-household"));
			b.click(By.xpath("//div[@id='household-results']/a[contains(.,'孙走访')]"));
			b.wait.until(ExpectedConditions.urlContains("household="));
			assertThat(b.find(By.id("chosen-household")).getText()).isEqualTo("孙走访");
			b.click(By.id("q-WORRYING"));
			b.find(By.id("notes")).sendKeys("独居老人，问愁什么：冬季取暖");
			assertThat(b.overflowsHorizontally()).as("visit form at 390 px").isFalse();
			b.screenshot("masswork-visit-390");
			b.click(By.id("submit-visit"));
			assertThat(b.find(By.id("visit-flash")).getText()).contains("孙走访");
			assertThat(b.find(By.id("diary")).getText()).contains("孙走访", "冬季取暖");

			b.open("/masswork/table?org=" + town);
			assertThat(b.find(By.id("masswork-table")).getText()).contains("代办浏览器村党支部");
			assertThat(b.overflowsHorizontally()).as("table at 390 px").isFalse();
		}
		Api.Response visits = admin.get("/api/households/" + h.text("id") + "/visits");
		assertThat(visits.json()).hasSize(1);
		assertThat(visits.json().get(0).get("questions").toString()).contains("WORRYING");
	}
}
