package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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

/**
 * The county sets a standard, a branch assesses itself (a score above its item is refused), the county reviews,
 * confirms and revokes a star, sees the distribution chart and publishes; a nomination shows every refusal reason.
 */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentStarsBrowserTest {

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

	private void type(By by, String text) {
		WebElement input = b.find(by);
		input.clear();
		input.sendKeys(text);
	}

	@Test
	void aBranchIsAssessedRatedRevokedAndPublishedAndANominationShowsItsReasons() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 2;
		String town = data.org("五星镇", "COMMITTEE", "COMMUNITY", data.root);
		String branch = data.org("五星社区党支部", "BRANCH", "COMMUNITY", town);
		data.member("社区党员" + data.suffix.substring(0, 3), branch, "FULL");

		b.open("/assessment/standards?year=" + year + "&field=COMMUNITY");
		List<WebElement> codes = b.driver.findElements(By.name("code"));
		List<WebElement> names = b.driver.findElements(By.name("name"));
		List<WebElement> points = b.driver.findElements(By.name("points"));
		codes.get(0).sendKeys("A");
		names.get(0).sendKeys("组织建设");
		points.get(0).sendKeys("60");
		codes.get(1).sendKeys("W");
		names.get(1).sendKeys("党员表现");
		points.get(1).sendKeys("40");
		new Select(b.driver.findElements(By.name("indicator")).get(1)).selectByValue("WARNING_FREE");
		b.click(By.id("save-standard"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "星级标准已保存"));
		assertThat(b.find(By.id("standard-sum")).getText()).isEqualTo("100");
		b.screenshot("star-standard");

		b.open("/assessment/stars?org=" + town + "&year=" + year);
		b.click(By.cssSelector("#star-table a.btn-primary"));
		type(By.id("score-A"), "70");
		b.click(By.id("save-self"));
		assertThat(b.find(By.cssSelector(".invalid-feedback")).getText()).contains("不能超过本项分值60分");
		type(By.id("score-A"), "55");
		b.click(By.id("save-self"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "自评已提交"));
		assertThat(b.find(By.id("assessment-status")).getText()).isEqualTo("已自评");

		type(By.id("review-A"), "50");
		b.click(By.id("save-review"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assessment-status"), "乡镇已评星"));
		b.click(By.id("confirm-stars"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assessment-status"), "县级已定星"));
		assertThat(b.find(By.id("assessment-score")).getText()).isEqualTo("90.00");
		assertThat(b.find(By.id("assessment-stars")).getText()).isEqualTo("★★★★★");

		type(By.id("revoke-reason"), "党员发生违纪问题");
		new Select(b.find(By.id("revoke-stars"))).selectByValue("3");
		b.click(By.id("revoke-stars-button"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "现为 3 星"));
		assertThat(b.find(By.id("revocations")).getText()).contains("党员发生违纪问题", "3星");
		b.screenshot("star-assessment");

		b.open("/assessment/stars?org=" + town + "&year=" + year);
		b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#star-chart svg")));
		assertThat(b.find(By.id("three-star-share")).getText()).isEqualTo("100.0%");
		b.click(By.id("publish-stars"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已挂星 1 个"));
		assertThat(b.find(By.id("star-table")).getText()).contains("已挂星");
		b.screenshot("stars");
		b.resize(Browser.PHONE);
		b.open("/assessment/stars?org=" + town + "&year=" + year);
		b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#star-chart svg")));
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("stars-phone");

		b.open("/assessment/commendations?org=" + town + "&year=" + year);
		new Select(b.find(By.id("nom-year"))).selectByValue(Integer.toString(year));
		new Select(b.find(By.id("nom-award"))).selectByValue("ADVANCED_ORGANIZATION");
		new Select(b.find(By.id("nom-org"))).selectByValue(branch);
		b.click(By.id("save-nomination"));
		WebElement refused = b.find(By.id("nomination-refused"));
		assertThat(refused.findElements(By.cssSelector("li[data-code=MISSED_THEMED_DAY]"))).hasSize(1);
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("commendations-phone");
		b.resize(Browser.DESKTOP);
	}
}
