package cn.jiceng.browser;

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
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberPagesBrowserTest {

	private static final By ROWS = By.cssSelector("#member-table tbody tr.row-link");

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

	private static String today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
	}

	@Test
	void theRosterPagesThroughItsMembersAndFiltersByCategoryNameAndSubtree() {
		String town = data.org("名册测试镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("名册测试村党支部", "BRANCH", "RURAL", town);
		for (int i = 0; i < 25; i++) {
			data.member("名册" + (char) ('A' + i) + data.suffix, branch, i < 5 ? "PROBATIONARY" : "FULL");
		}

		b.open("/members?organizationId=" + town);
		assertThat(b.find(By.cssSelector(".pager-total")).getText()).startsWith("共 25 条");
		assertThat(b.driver.findElements(ROWS)).hasSize(20);
		assertThat(b.driver.findElement(By.id("scope-name")).getText()).isEqualTo("名册测试镇" + data.suffix);
		// ID numbers are masked in the list
		assertThat(b.driver.findElement(By.cssSelector("#member-table tbody td.font-monospace")).getText()).matches("\\d{6}\\*{8}\\d{3}[\\dX]");

		b.click(By.linkText("下一页"));
		b.wait.until(ExpectedConditions.urlContains("page=1"));
		assertThat(b.driver.findElements(ROWS)).hasSize(5);
		assertThat(b.driver.findElement(By.cssSelector(".pagination .active")).getText()).isEqualTo("2");

		new Select(b.driver.findElement(By.id("category"))).selectByValue("PROBATIONARY");
		b.click(By.cssSelector("form.filters button[type=submit]"));
		b.wait.until(ExpectedConditions.textMatches(By.cssSelector(".pager-total"), java.util.regex.Pattern.compile("^共 5 条")));
		assertThat(b.driver.findElements(ROWS)).hasSize(5);

		new Select(b.driver.findElement(By.id("category"))).selectByValue("");
		b.driver.findElement(By.id("q")).sendKeys("名册K" + data.suffix);
		b.click(By.cssSelector("form.filters button[type=submit]"));
		b.wait.until(ExpectedConditions.numberOfElementsToBe(ROWS, 1));

		// members sit in the branch, not directly in the town
		b.driver.findElement(By.id("q")).clear();
		b.click(By.id("subtree"));
		b.click(By.cssSelector("form.filters button[type=submit]"));
		b.wait.until(ExpectedConditions.textMatches(By.cssSelector(".pager-total"), java.util.regex.Pattern.compile("^共 0 条")));
		assertThat(b.driver.findElement(By.id("member-table")).getText()).contains("没有符合条件的党员");

		// choosing the branch in the tree lists its members; a click anywhere on a row opens the member
		b.click(By.cssSelector("li[data-org-id='" + town + "'] > button.toggle"));
		b.click(By.cssSelector("li[data-org-id='" + branch + "'] > a"));
		b.wait.until(ExpectedConditions.textMatches(By.cssSelector(".pager-total"), java.util.regex.Pattern.compile("^共 25 条")));
		WebElement firstRow = b.driver.findElements(ROWS).get(0);
		String name = firstRow.findElement(By.cssSelector("td a")).getText();
		b.click(By.cssSelector("#member-table tbody tr.row-link td:nth-child(2)"));
		b.wait.until(ExpectedConditions.urlMatches("/members/\\d+$"));
		assertThat(b.find(By.id("member-name")).getText()).isEqualTo(name);
	}

	@Test
	void aTransferDatedInTheFutureIsRefusedInlineAndAValidOneEntersTheHistory() {
		String town = data.org("转接测试镇", "COMMITTEE", "RURAL", data.root);
		String from = data.org("转出测试村党支部", "BRANCH", "RURAL", town);
		String to = data.org("转入测试村党支部", "BRANCH", "RURAL", town);
		String member = data.member("转接" + data.suffix, from, "FULL");

		b.open("/members/" + member);
		b.click(By.cssSelector("button[data-bs-target='#transfer-form']"));
		new Select(b.find(By.id("toOrganizationId"))).selectByValue(to);
		b.setDate(By.id("transferredOn"), LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString());
		b.click(By.id("transfer-button"));

		b.wait.until(ExpectedConditions.attributeContains(By.id("transferredOn"), "class", "is-invalid"));
		assertThat(b.find(By.cssSelector("#transferredOn ~ .invalid-feedback")).getText()).contains("不能晚于今天");
		assertThat(new Select(b.driver.findElement(By.id("toOrganizationId"))).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo(to);
		assertThat(data.api.get("/api/members/" + member).text("organizationId")).isEqualTo(from);

		b.setDate(By.id("transferredOn"), today());
		b.click(By.id("transfer-button"));
		b.wait.until(ExpectedConditions.textToBe(By.id("flash"), "已办理组织关系转接"));
		String history = b.driver.findElement(By.id("transfers")).getText();
		assertThat(history).contains(today(), "转出测试村党支部" + data.suffix, "转入测试村党支部" + data.suffix);
		assertThat(data.api.get("/api/members/" + member).text("organizationId")).isEqualTo(to);
	}

	@Test
	void aMobilityPeriodNeedsADestinationAndCanBeEndedWhenTheMemberReturns() {
		String town = data.org("流动测试镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("流动测试村党支部", "BRANCH", "RURAL", town);
		String member = data.member("流动" + data.suffix, branch, "FULL");

		b.open("/members/" + member);
		b.click(By.cssSelector("button[data-bs-target='#mobility-form']"));
		b.setDate(By.id("startedOn"), "2024-03-01");
		b.click(By.id("mobility-button"));
		b.wait.until(ExpectedConditions.attributeContains(By.id("destination"), "class", "is-invalid"));
		assertThat(b.find(By.cssSelector("#destination ~ .invalid-feedback")).getText()).contains("请填写外出流向");
		assertThat(b.driver.findElement(By.id("startedOn")).getDomProperty("value")).isEqualTo("2024-03-01");

		b.driver.findElement(By.id("destination")).sendKeys("浙江省杭州市");
		b.click(By.id("mobility-button"));
		b.wait.until(ExpectedConditions.textToBe(By.id("flash"), "已登记流动信息"));
		assertThat(b.driver.findElement(By.tagName("h1")).getText()).contains("流动党员");
		assertThat(b.driver.findElement(By.id("mobility")).getText()).contains("浙江省杭州市", "2024-03-01 至 今");

		b.click(By.cssSelector(".end-mobility-button"));
		b.wait.until(ExpectedConditions.textToBe(By.id("flash"), "已结束流动"));
		assertThat(b.driver.findElement(By.id("mobility")).getText()).contains("2024-03-01 至 " + today());
		assertThat(b.driver.findElements(By.cssSelector(".end-mobility-button"))).isEmpty();
	}

	@Test
	void anEditChangesTheStatusAndAnEditOfAStaleVersionIsRefusedWithoutLosingInput() {
		String town = data.org("编辑党员测试镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("编辑党员测试村党支部", "BRANCH", "RURAL", town);
		String member = data.member("编辑" + data.suffix, branch, "FULL");

		b.open("/members/" + member);
		b.click(By.id("edit-member"));
		new Select(b.find(By.id("status"))).selectByValue("LOST_CONTACT");
		b.click(By.id("save-button"));
		b.wait.until(ExpectedConditions.textToBe(By.id("flash"), "已保存"));
		assertThat(b.driver.findElement(By.tagName("h1")).getText()).contains("失联");

		b.open("/members/" + member + "/edit");
		WebElement phone = b.find(By.id("phone"));
		Api.Response current = data.api.get("/api/members/" + member);
		assertThat(data.api.patch("/api/members/" + member,
				Map.of("phone", "13900001111", "version", current.json().get("version").asInt())).status()).isEqualTo(200);
		phone.sendKeys("13822223333");
		b.click(By.id("save-button"));
		assertThat(b.find(By.id("conflict-alert")).getText()).contains("已被他人修改");
		assertThat(b.driver.findElement(By.id("phone")).getDomProperty("value")).isEqualTo("13822223333");
		assertThat(data.api.get("/api/members/" + member).text("phone")).isEqualTo("13900001111");
	}
}
