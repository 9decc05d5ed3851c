package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

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
 * A branch's democratic appraisal entered as one table: two 优秀 among three full members are refused with the cap's
 * reason and nothing is saved, one is saved; the probationary member has no grade; the page fits a phone. A cadre's
 * "树根" appraisal is entered and listed with its grade.
 */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberAppraisalBrowserTest {

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

	@Test
	void aDemocraticAppraisalOverTheCapIsRefusedAndSavesNothing() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
		String town = data.org("评议镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("评议村党支部", "BRANCH", "RURAL", town);
		String a = data.member("赵评议", branch, "FULL");
		String c = data.member("钱评议", branch, "FULL");
		String d = data.member("孙评议", branch, "FULL");
		String p = data.member("李预备", branch, "PROBATIONARY");

		b.open("/assessment/democratic-appraisals?org=" + branch + "&year=" + year);
		assertThat(b.find(By.id("excellent-cap")).getText()).contains("最多 1 名");
		assertThat(b.driver.findElements(By.name("grade-" + p))).isEmpty();
		assertThat(b.find(By.id("democratic-table")).getText()).contains("不评定等次");
		new Select(b.find(By.name("grade-" + a))).selectByValue("EXCELLENT");
		new Select(b.find(By.name("grade-" + c))).selectByValue("EXCELLENT");
		new Select(b.find(By.name("grade-" + d))).selectByValue("QUALIFIED");
		b.click(By.id("save-democratic"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-problem"), "三分之一"));
		assertThat(b.find(By.id("page-problem")).getText()).contains("未保存", "最多1名");
		// the table keeps what was chosen, and nothing was saved
		assertThat(new Select(b.find(By.name("grade-" + c))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("EXCELLENT");
		Api.Response saved = data.api.get("/api/organizations/" + branch + "/democratic-appraisals?year=" + year);
		saved.json().get("items").forEach(i -> assertThat(i.get("grade").isNull()).isTrue());
		b.screenshot("democratic-appraisal-refused");

		new Select(b.find(By.name("grade-" + c))).selectByValue("QUALIFIED");
		b.click(By.id("save-democratic"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已保存 3 名"));
		assertThat(b.find(By.id("excellent-cap")).getText()).contains("已评 1 名");

		b.resize(Browser.PHONE);
		b.open("/assessment/democratic-appraisals?org=" + branch + "&year=" + year);
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("democratic-appraisal-phone");
		b.open("/assessment/democratic-appraisals?org=" + town + "&year=" + year);
		assertThat(b.find(By.id("branch-table")).getText()).contains("评议村党支部", "1/1");
		assertThat(b.overflowsHorizontally()).isFalse();
		b.resize(Browser.DESKTOP);
	}

	@Test
	void aCadreAppraisalIsEnteredAndListedWithItsGrade() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
		String town = data.org("树根镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("树根村党支部", "BRANCH", "RURAL", town);
		String name = "周树根" + data.suffix.substring(0, 3);
		data.member(name, branch, "FULL");

		b.open("/assessment/cadre-appraisals?org=" + town + "&year=" + year);
		new Select(b.find(By.id("cadre-year"))).selectByValue(Integer.toString(year));
		b.find(By.id("member-query")).sendKeys(name);
		b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("memberId")));
		b.find(By.id("cadre-leader")).sendKeys("25");
		b.find(By.id("cadre-masses")).sendKeys("38");
		b.find(By.id("cadre-departments")).sendKeys("9");
		b.find(By.id("cadre-yearEnd")).sendKeys("28");
		b.click(By.id("save-cadre"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".invalid-feedback"), "0到20分"));
		b.find(By.id("cadre-leader")).clear();
		b.find(By.id("cadre-leader")).sendKeys("18");
		b.click(By.id("save-cadre"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "93.00分，优秀"));
		assertThat(b.find(By.id("cadre-table")).getText()).contains(name, "93.00", "优秀");
		assertThat(b.find(By.id("grade-count-EXCELLENT")).getText()).isEqualTo("1");
		b.screenshot("cadre-appraisals");
		b.resize(Browser.PHONE);
		b.open("/assessment/cadre-appraisals?org=" + town + "&year=" + year);
		assertThat(b.find(By.id("cadre-table")).getText()).contains(name, "优秀");
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("cadre-appraisals-phone");
		b.resize(Browser.DESKTOP);
		assertThat(data.api.get("/api/organizations/" + town + "/cadre-appraisals?year=" + year).json().get("items"))
			.hasSize(1);
	}
}
