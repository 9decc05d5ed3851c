package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.member.IdNumber;
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

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One person from application to full member through the pages: the record page shows only the next step's
 * fields, a refusal keeps the typed values and says why, and the new member is on the branch's roster. Phone width.
 */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevelopmentBrowserTest {

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

	private void record(String date) {
		b.setDate(By.id("on"), date);
		WebElement form = b.driver.findElement(By.id("step-form"));
		b.click(By.id("record-step"));
		b.wait.until(ExpectedConditions.stalenessOf(form));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已记录"));
	}

	/** The branch proposes six more months; the end of probation moves only when the township approves. */
	private void extendWithTheHigherCommitteesApproval() {
		assertThat(b.find(By.tagName("main")).getText()).contains("预备期满：2025-06-01");
		b.click(By.linkText("延长预备期（报上级审批）"));
		b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("months")));
		type(By.id("months"), "6");
		type(By.id("reason"), "理论学习不够深入，延长预备期继续考察");
		record("2024-07-02");
		assertThat(b.find(By.id("record-pending")).getText()).contains("上级党委审批延长预备期");
		assertThat(b.find(By.tagName("main")).getText()).contains("预备期满：2025-06-01");
		b.click(By.linkText("上级党委审批延长预备期"));
		b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approved-yes")));
		b.click(By.id("approved-yes"));
		type(By.id("reason"), "经镇党委会议研究，同意延长预备期六个月");
		b.screenshot("development-extension-approval");
		record("2024-07-03");
		assertThat(b.find(By.tagName("main")).getText()).contains("预备期满：2025-12-01");
		assertThat(b.driver.findElements(By.id("record-pending"))).isEmpty();
	}

	@Test
	void aPersonIsDevelopedStepByStepIntoAFullMemberOnTheRoster() {
		String town = data.org("发展镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("发展村党支部", "BRANCH", "RURAL", town);
		data.member("联系人甲", branch, "FULL");
		data.member("联系人乙", branch, "FULL");
		String name = "积极" + data.suffix.substring(0, 4);

		b.open("/development/new?org=" + branch);
		type(By.id("name"), name);
		type(By.id("idNumber"), IdNumber.generate("330122", LocalDate.of(1995, 4, 1), 7, Gender.MALE));
		b.setDate(By.id("appliedOn"), "2023-01-10");
		b.click(By.cssSelector("#new-record-form button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-next"), "党组织派人谈话"));

		Map<String, String> dates = new LinkedHashMap<>();
		// the four publicities (公示) start on 2023-02-01, 2024-02-01, 2024-05-21 and 2025-05-21 and last a week
		String[] d = { "2023-01-20", "2023-02-01", "2023-03-01", "2023-03-05", "2023-03-10", "2023-09-01", "2024-02-01",
				"2024-03-01", "2024-03-05", "2024-03-10", "2024-04-01", "2024-04-10", "2024-05-01", "2024-05-10", "2024-05-20",
				"2024-05-21", "2024-06-01", "2024-06-10", "2024-06-20", "2024-06-25", "2024-06-26", "2024-07-01", "2024-12-01",
				"2025-05-20", "2025-05-21", "2025-06-01", "2025-06-15", "2025-06-20" };
		for (int i = 0; i < d.length; i++) {
			if (b.driver.findElements(By.cssSelector("#step-form input[name=step]")).isEmpty()) {
				b.screenshot("development-stuck");
				throw new AssertionError("no step form at " + i + ": " + b.find(By.tagName("main")).getText());
			}
			String next = b.driver.findElement(By.cssSelector("#step-form input[name=step]")).getAttribute("value");
			switch (next) {
				case "CONTACTS_ASSIGNED" -> {
					assertThat(b.driver.findElements(By.id("hours"))).isEmpty();
					b.click(By.id("m0"));
				}
				case "INTRODUCERS" -> {
					b.click(By.id("m0"));
					b.click(By.id("m1"));
				}
				case "POLITICAL_REVIEW" -> b.click(By.id("passed"));
				case "TRAINING" -> {
					type(By.id("hours"), "20");
					b.setDate(By.id("on"), d[i]);
					WebElement before = b.driver.findElement(By.id("step-form"));
					b.click(By.id("record-step"));
					b.wait.until(ExpectedConditions.stalenessOf(before));
					assertThat(b.find(By.id("page-problem")).getText()).contains("24学时");
					assertThat(b.find(By.id("hours")).getAttribute("value")).isEqualTo("20");
					type(By.id("hours"), "32");
				}
				case "ACTIVIST_PUBLICITY", "CANDIDATE_PUBLICITY", "PUBLICITY", "CONVERSION_PUBLICITY" -> {
					b.setDate(By.id("endsOn"), java.time.LocalDate.parse(d[i]).plusDays(7).toString());
					type(By.id("place"), "村党群服务中心公示栏");
				}
				case "ACCEPTANCE_VOTE", "CONVERSION_VOTE" -> {
					type(By.id("entitled"), "9");
					type(By.id("entitledFull"), "8");
					type(By.id("present"), "7");
					type(By.id("yes"), "7");
				}
				default -> assertThat(b.driver.findElements(By.id("entitled"))).isEmpty();
			}
			record(d[i]);
			if (next.equals("ACCEPTANCE_APPROVAL")) {
				assertThat(b.find(By.id("record-stage")).getText()).isEqualTo("预备党员");
			}
			if (next.equals("OATH")) {
				extendWithTheHigherCommitteesApproval();
			}
		}
		assertThat(b.find(By.id("record-stage")).getText()).isEqualTo("正式党员");
		assertThat(b.find(By.id("steps")).getText()).contains("赞成7票").contains("培训32学时")
			.contains("公示期：2024-05-21至2024-05-28");
		b.screenshot("development-record");

		b.open("/members?organizationId=" + branch);
		assertThat(b.find(By.tagName("main")).getText()).contains(name);

		b.open("/development?org=" + town);
		assertThat(b.find(By.id("funnel")).getText()).contains("正式党员");
		b.resize(Browser.PHONE);
		b.open("/development?org=" + town);
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("development-pipeline-phone");
		b.click(By.cssSelector("#records a.btn"));
		b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("development-record-phone");
		b.open("/development/warnings?org=" + town);
		assertThat(b.overflowsHorizontally()).isFalse();
		b.resize(Browser.DESKTOP);
	}
}
