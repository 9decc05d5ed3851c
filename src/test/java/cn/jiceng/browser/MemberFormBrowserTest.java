package cn.jiceng.browser;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.jiceng.member.Gender;
import cn.jiceng.member.IdNumber;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The acceptance path in a real browser at phone width: log in, open the roster, add a member. */
@ApiTest
@Tag("browser")
class MemberFormBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void anAdminAddsAMemberThroughTheFormAfterABadIdNumberIsRefusedInline() {
		Api api = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String root = api.get("/api/me").text("organizationId");
		String suffix = Long.toString(System.nanoTime(), 36);
		String town = api.post("/api/organizations",
				Map.of("name", "浏览器测试镇党委" + suffix, "kind", "COMMITTEE", "field", "RURAL", "parentId", root))
			.text("id");
		String branch = api.post("/api/organizations",
				Map.of("name", "浏览器测试村党支部" + suffix, "kind", "BRANCH", "field", "RURAL", "parentId", town))
			.text("id");
		String name = "表单测试" + suffix;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String idNumber = IdNumber.generate("330122", LocalDate.of(1970, 1, 1).plusDays(random.nextInt(5000)),
				random.nextInt(1000), Gender.FEMALE);
		char check = idNumber.charAt(17);
		String badIdNumber = idNumber.substring(0, 17) + (check == '1' ? '2' : '1');

		try (Browser b = new Browser(port, Browser.PHONE)) {
			b.login("admin", ApiTest.ADMIN_PASSWORD);
			b.open("/members");
			b.find(By.id("member-table"));
			b.click(By.id("new-member"));
			b.wait.until(ExpectedConditions.urlContains("/members/new"));

			b.find(By.id("name")).sendKeys(name);
			new Select(b.driver.findElement(By.id("gender"))).selectByValue("FEMALE");
			b.driver.findElement(By.id("idNumber")).sendKeys(badIdNumber);
			new Select(b.driver.findElement(By.id("organizationId"))).selectByValue(branch);
			new Select(b.driver.findElement(By.id("category"))).selectByValue("FULL");
			b.setDate(By.id("joinedOn"), "2010-07-01");
			b.setDate(By.id("fullMemberOn"), "2011-07-01");
			new Select(b.driver.findElement(By.id("education"))).selectByValue("21");
			b.driver.findElement(By.id("phone")).sendKeys("13812345678");
			b.click(By.id("save-button"));

			b.wait.until(ExpectedConditions.attributeContains(By.id("idNumber"), "class", "is-invalid"));
			WebElement feedback = b.driver.findElement(By.cssSelector("#idNumber ~ .invalid-feedback"));
			assertThat(feedback.isDisplayed()).isTrue();
			assertThat(feedback.getText()).contains("校验位不正确");
			assertThat(b.driver.getCurrentUrl()).contains("/members/new");
			// what the user typed is still there
			assertThat(b.driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);
			assertThat(b.driver.findElement(By.id("idNumber")).getDomProperty("value")).isEqualTo(badIdNumber);
			assertThat(new Select(b.driver.findElement(By.id("organizationId"))).getFirstSelectedOption().getDomAttribute("value"))
				.isEqualTo(branch);
			assertThat(b.driver.findElement(By.id("name")).getDomAttribute("class")).doesNotContain("is-invalid");
			assertThat(api.get("/api/members?organizationId=" + branch).json().get("total").asLong()).isZero();

			WebElement id = b.driver.findElement(By.id("idNumber"));
			id.clear();
			id.sendKeys(idNumber);
			b.click(By.id("save-button"));

			b.wait.until(ExpectedConditions.urlMatches("/members/\\d+$"));
			assertThat(b.find(By.id("member-name")).getText()).isEqualTo(name);
			assertThat(b.driver.findElement(By.id("flash")).getText()).isEqualTo("已保存");
			String memberId = b.driver.getCurrentUrl().replaceAll(".*/members/(\\d+)$", "$1");
			Api.Response saved = api.get("/api/members/" + memberId);
			assertThat(saved.text("idNumber")).isEqualTo(idNumber);
			assertThat(saved.text("organizationId")).isEqualTo(branch);
			assertThat(saved.text("education")).isEqualTo("21");
			assertThat(api.get("/api/members?organizationId=" + branch).json().get("total").asLong()).isEqualTo(1);
			assertThat(b.overflowsHorizontally()).isFalse();
		}
	}
}
