package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

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
 * The county creates an inspection round of two branches, enters the score table (a cell above its item is
 * refused beside the cell), publishes, sees the ranking with the bottom-ranked's interviews and records one as
 * held; then appraises a township's secretary, finalizes and sees the yellow card and its interview. Phone width.
 */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionBrowserTest {

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

	private void office(String org, String member, String office) {
		Api.Response r = data.api.post("/api/organizations/" + org + "/offices",
				Map.of("memberId", member, "office", office, "startedOn", "2015-01-01"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

	@Test
	void aRoundIsScoredPublishedAndItsInterviewRecordedAndAYellowCardIsGiven() {
		String town = data.org("排名镇", "COMMITTEE", "RURAL", data.root);
		String east = data.org("东村党支部", "BRANCH", "RURAL", town);
		String west = data.org("西村党支部", "BRANCH", "RURAL", town);
		String westSecretary = data.member("西书记", west, "FULL");
		office(west, westSecretary, "SECRETARY");
		office(west, data.member("西组委", west, "FULL"), "ORGANIZATION_MEMBER");
		String townSecretary = data.member("镇书记", east, "FULL");
		office(town, townSecretary, "SECRETARY");

		b.open("/assessment/inspections/new?kind=FREQUENT");
		type(By.id("round-name"), "春季经常赛" + data.suffix);
		b.click(By.id("target-" + east));
		b.click(By.id("target-" + west));
		b.click(By.id("create-round"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "赛事已创建"));

		// default items: 基础工作 40, 重点任务 40, 特色亮点 20 → codes I1..I3
		type(By.name("cell." + east + ".I1"), "38");
		type(By.name("cell." + east + ".I2"), "36");
		type(By.name("cell." + east + ".I3"), "18");
		type(By.name("cell." + west + ".I1"), "41");
		type(By.name("cell." + west + ".I2"), "30");
		type(By.name("cell." + west + ".I3"), "12");
		b.click(By.id("save-scores"));
		assertThat(b.find(By.cssSelector("#score-table .invalid-feedback")).getText()).contains("不能超过本项分值40分");
		type(By.name("cell." + west + ".I1"), "35");
		b.click(By.id("save-scores"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "得分已保存"));
		assertThat(b.find(By.id("score-table")).getText()).contains("92", "77");
		b.screenshot("inspection-scores");
		b.resize(Browser.PHONE);
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("inspection-scores-phone");
		b.resize(Browser.DESKTOP);

		b.click(By.id("publish-round"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "排名已发布"));
		assertThat(b.find(By.id("ranking-table")).getText()).contains("东村党支部", "西村党支部");
		assertThat(b.find(By.id("interviews")).getText()).contains("西书记", "西组委", "待约谈");
		WebElement first = b.find(By.cssSelector("#interviews form"));
		first.findElement(By.name("notes")).sendKeys("指出问题，限期整改");
		b.click(first.findElement(By.cssSelector("button[type=submit]")));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已记录"));
		assertThat(b.find(By.id("interviews")).getText()).contains("已于");
		b.screenshot("inspection-ranking");
		b.resize(Browser.PHONE);
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("inspection-ranking-phone");
		b.resize(Browser.DESKTOP);

		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
		b.open("/assessment/secretary-appraisals?year=" + year);
		WebElement entry = b.find(By.xpath("//form[input[@name='organizationId' and @value='" + town + "']]"));
		entry.findElement(By.name("score")).sendKeys("72");
		b.click(entry.findElement(By.cssSelector("button[type=submit]")));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "一般"));
		b.open("/assessment/secretary-appraisals?org=" + town + "&year=" + year);
		b.click(By.id("finalize-appraisals"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "黄牌 1 张"));
		assertThat(b.find(By.id("appraisal-table")).getText()).contains("黄牌", "约谈");
		assertThat(b.find(By.id("appraisal-interviews")).getText()).contains("镇书记", "待约谈");
		b.resize(Browser.PHONE);
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("secretary-appraisals-phone");
		b.resize(Browser.DESKTOP);
	}
}
