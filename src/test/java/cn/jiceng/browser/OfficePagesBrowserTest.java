package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

/** A county clerk names a branch's secretary by name search, sees the refusal of a second one, ends the first. */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficePagesBrowserTest {

	@LocalServerPort
	int port;

	Browser b;

	TestData data;

	@BeforeAll
	void logIn() {
		data = new TestData(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		b = new Browser(port, Browser.DESKTOP);
		b.login("admin", ApiTest.ADMIN_PASSWORD);
	}

	@AfterAll
	void closeBrowser() {
		b.close();
	}

	private void appoint(String name, String startedOn) {
		WebElement query = b.find(By.id("member-query"));
		query.clear();
		query.sendKeys(name);
		b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("select#memberId option")));
		new Select(b.find(By.id("memberId"))).selectByIndex(0);
		b.js("arguments[0].value = arguments[1];", b.find(By.id("startedOn")), startedOn);
		b.click(By.id("save-office"));
	}

	@Test
	void theSecretaryIsNamedByNameAndASecondOneWaitsUntilTheFirstLeaves() {
		String town = data.org("班子镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("班子村党支部", "BRANCH", "RURAL", town);
		String first = "任书记" + data.suffix.substring(0, 4);
		String second = "接书记" + data.suffix.substring(0, 4);
		data.member(first, branch, "FULL");
		data.member(second, branch, "FULL");

		b.open("/organizations/" + branch);
		assertThat(b.find(By.id("org-secretary")).getText()).isEqualTo("未登记");
		b.click(By.id("offices-link"));
		appoint(first, "2023-03-01");
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已登记"));
		assertThat(b.find(By.id("current-offices")).getText()).contains("书记", first);

		appoint(second, "2025-07-01");
		assertThat(b.find(By.id("office-error")).getText()).contains("已有书记");
		b.screenshot("offices-refused");

		WebElement end = b.find(By.cssSelector("#office-history input[name=endedOn]"));
		b.js("arguments[0].value = '2025-06-30';", end);
		b.click(By.cssSelector("#office-history button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "2025-06-30"));
		appoint(second, "2025-07-01");
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), second));
		assertThat(b.find(By.id("office-history")).getText()).contains(first, "2025-06-30", second, "在任");
		b.screenshot("offices");

		b.open("/organizations/" + branch);
		assertThat(b.find(By.id("org-secretary")).getText()).startsWith(second);
		b.resize(Browser.PHONE);
		b.open("/organizations/" + branch + "/offices");
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("offices-phone");
		b.resize(Browser.DESKTOP);
	}
}
