package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * At phone width a county clerk books money into a township's care fund, is refused a disbursement above the
 * balance, pays a smaller one; then looks at the township's night study and its stories.
 */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicityBrowserTest {

	@LocalServerPort
	int port;

	Browser b;

	TestData data;

	@BeforeAll
	void logIn() {
		data = new TestData(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		b = new Browser(port, Browser.PHONE);
		b.login("admin", ApiTest.ADMIN_PASSWORD);
	}

	@AfterAll
	void closeBrowser() {
		b.close();
	}

	@Test
	void theCareFundStudyAndStoriesPagesWorkOnAPhone() {
		String town = data.org("关爱页镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("关爱页村党支部", "BRANCH", "RURAL", town);
		String name = "困难户" + data.suffix.substring(0, 4);
		data.member(name, branch, "FULL");

		b.open("/publicity/care-fund?organizationId=" + town);
		b.find(By.id("c-amount")).sendKeys("300");
		new Select(b.find(By.id("c-source"))).selectByValue("DONATION");
		b.find(By.id("c-donor")).sendKeys("爱心企业");
		b.click(By.cssSelector("#contribution-form button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "300.00"));
		assertThat(b.find(By.id("care-balance")).getText()).isEqualTo("300.00");

		b.find(By.id("d-member")).sendKeys(name);
		b.find(By.id("d-amount")).sendKeys("300.01");
		b.click(By.cssSelector("#disbursement-form button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("care-problem"), "余额不足"));
		b.find(By.id("d-member")).sendKeys(name);
		b.find(By.id("d-amount")).sendKeys("120");
		b.click(By.cssSelector("#disbursement-form button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), name));
		assertThat(b.find(By.id("care-balance")).getText()).isEqualTo("180.00");
		assertThat(b.find(By.id("care-items")).getText()).contains("社会捐助", "生病慰问", name);
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("care-fund-phone");

		b.open("/publicity/study?organizationId=" + town);
		b.find(By.id("s-topic")).sendKeys("学习新修订的党章");
		b.click(By.cssSelector("#study-form button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "学习新修订的党章"));
		assertThat(b.find(By.id("study-items")).getText()).contains("学习新修订的党章");
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("study-phone");

		data.api.post("/api/organizations/" + branch + "/stories", Map.of("year", 2026, "title", "山路上的党员",
				"text", "一条山路，三十年。", "secretaryComment", "初心如磐。"));
		b.open("/publicity/stories?organizationId=" + town + "&year=2026");
		assertThat(b.find(By.id("story-items")).getText()).contains("山路上的党员", "已提交");
		b.click(By.cssSelector("#story-items form button"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "乡镇已汇编"));
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("stories-phone");
	}
}
