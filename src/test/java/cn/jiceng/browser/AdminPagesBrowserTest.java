package cn.jiceng.browser;

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

/** Accounts, rule settings and the history, and what a branch secretary may not see of them. */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesBrowserTest {

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
	void anAccountWithAShortPasswordIsRefusedInlineAndACorrectOneCanLogIn() {
		String town = data.org("账号测试镇", "COMMITTEE", "RURAL", data.root);
		String username = "sec_" + data.suffix;

		b.open("/accounts");
		b.click(By.id("new-account"));
		b.find(By.id("username")).sendKeys(username);
		b.driver.findElement(By.id("password")).sendKeys("short");
		new Select(b.driver.findElement(By.id("role"))).selectByValue("TOWNSHIP_ADMIN");
		new Select(b.driver.findElement(By.id("organizationId"))).selectByValue(town);
		b.click(By.id("create-account"));

		b.wait.until(ExpectedConditions.attributeContains(By.id("password"), "class", "is-invalid"));
		assertThat(b.find(By.cssSelector("#password ~ .invalid-feedback")).getText()).contains("8到100位");
		assertThat(b.driver.findElement(By.id("username")).getDomProperty("value")).isEqualTo(username);
		assertThat(b.driver.findElement(By.id("password")).getDomProperty("value")).isEmpty();
		assertThat(new Select(b.driver.findElement(By.id("role"))).getFirstSelectedOption().getText()).isEqualTo("乡镇管理员");
		assertThat(Api.anonymous(port).post("/api/auth/token", Map.of("username", username, "password", "short")).status())
			.isEqualTo(401);

		b.driver.findElement(By.id("password")).sendKeys("Township-Pass-1");
		b.click(By.id("create-account"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), username));
		Api township = Api.login(port, username, "Township-Pass-1");
		assertThat(township.get("/api/me").text("organizationId")).isEqualTo(town);

		// the same name again is a conflict, shown under the user name
		b.click(By.id("new-account"));
		b.find(By.id("username")).sendKeys(username);
		b.driver.findElement(By.id("password")).sendKeys("Another-Pass-1");
		new Select(b.driver.findElement(By.id("role"))).selectByValue("BRANCH_SECRETARY");
		new Select(b.driver.findElement(By.id("organizationId"))).selectByValue(town);
		b.click(By.id("create-account"));
		b.wait.until(ExpectedConditions.attributeContains(By.id("username"), "class", "is-invalid"));
		assertThat(b.find(By.cssSelector("#username ~ .invalid-feedback")).getText()).contains("用户名已存在");
	}

	@Test
	void theCountyAdminChangesOneRuleAndTheHistoryShowsItInChinese() {
		int year = 2090;
		b.open("/settings?year=" + year);
		WebElement warning = b.find(By.id("warningBelow"));
		assertThat(warning.getDomProperty("value")).isEqualTo("60");
		b.js("arguments[0].value = '-5';", warning);
		b.click(By.id("save-settings"));
		b.wait.until(ExpectedConditions.attributeContains(By.id("warningBelow"), "class", "is-invalid"));
		assertThat(b.driver.findElement(By.cssSelector("#warningBelow ~ .invalid-feedback")).getText()).contains("0到100之间");
		assertThat(data.api.get("/api/rule-settings?year=" + year).json().get("warningBelow").asInt()).isEqualTo(60);

		WebElement again = b.driver.findElement(By.id("warningBelow"));
		again.clear();
		again.sendKeys("55");
		WebElement absent = b.driver.findElement(By.id("themedDayDeductions.ABSENT"));
		absent.clear();
		absent.sendKeys("-8");
		b.click(By.id("save-settings"));
		// first what it would do, nothing saved yet
		String preview = b.find(By.id("settings-preview")).getText();
		assertThat(preview).contains("先锋指数低于此分为警示党员：60分 → 55分", "主题党日出勤扣分", "缺席 -10", "缺席 -8");
		assertThat(data.api.get("/api/rule-settings?year=" + year).json().get("warningBelow").asInt()).isEqualTo(60);
		b.click(By.id("confirm-settings"));
		b.wait.until(ExpectedConditions.textToBe(By.cssSelector(".alert-success"), "已保存，共修改 2 项"));
		assertThat(b.driver.findElement(By.id("warningBelow")).getDomProperty("value")).isEqualTo("55");
		var saved = data.api.get("/api/rule-settings?year=" + year).json();
		assertThat(saved.get("warningBelow").asInt()).isEqualTo(55);
		assertThat(saved.get("themedDayDeductions").get("ABSENT").asInt()).isEqualTo(-8);
		assertThat(saved.get("themedDayDeductions").get("LEAVE").asInt()).isEqualTo(-2);
		assertThat(saved.get("upgradeToCommitteeAt").asInt()).isEqualTo(100);

		b.open("/audit?entityType=RuleSettings&entityId=" + data.root + "/" + year);
		String history = b.find(By.id("audit-table")).getText();
		assertThat(history).contains("先锋指数低于此分为警示党员", "55", "主题党日出勤扣分", "缺席 -8", "admin", "修改");
	}

	@Test
	void theHistoryOfAMemberNamesEachChangedFieldWithItsOldAndNewValue() {
		String town = data.org("记录测试镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("记录测试村党支部", "BRANCH", "RURAL", town);
		String member = data.member("记录" + data.suffix, branch, "PROBATIONARY");
		int version = data.api.get("/api/members/" + member).json().get("version").asInt();
		assertThat(data.api.patch("/api/members/" + member,
				Map.of("category", "FULL", "fullMemberOn", "2001-07-01", "version", version)).status()).isEqualTo(200);

		b.open("/members/" + member);
		b.click(By.id("audit-link"));
		b.wait.until(ExpectedConditions.urlContains("entityId=" + member));
		WebElement table = b.find(By.id("audit-table"));
		var rows = table.findElements(By.cssSelector("tbody tr"));
		assertThat(rows).hasSize(2);
		// newest first: the update, then the creation
		assertThat(rows.get(0).getText()).contains("修改", "人员类别：", "预备党员", "正式党员", "转为正式党员日期：", "2001-07-01");
		assertThat(rows.get(0).findElement(By.cssSelector("del.old")).getText()).isEqualTo("预备党员");
		assertThat(rows.get(1).getText()).contains("新建", "姓名：", "记录" + data.suffix, "所在支部：",
				"记录测试村党支部" + data.suffix);
		assertThat(table.getText()).doesNotContain("PROBATIONARY", "category");
	}

	@Test
	void aBranchSecretarySeesOnlyTheirBranchAndCannotChangeRulesOrReadTheHistory() {
		String town = data.org("书记测试镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("书记测试村党支部", "BRANCH", "RURAL", town);
		String other = data.org("别村测试党支部", "BRANCH", "RURAL", town);
		String username = "bs_" + data.suffix;
		assertThat(data.api.post("/api/accounts", Map.of("username", username, "password", "Secretary-Pass-1", "role",
				"BRANCH_SECRETARY", "organizationId", branch)).status()).isEqualTo(201);

		try (Browser secretary = new Browser(port, Browser.PHONE)) {
			secretary.login(username, "Secretary-Pass-1");
			secretary.open("/organizations");
			assertThat(secretary.find(By.id("org-name")).getText()).isEqualTo("书记测试村党支部" + data.suffix);
			assertThat(secretary.driver.findElements(By.cssSelector("#org-tree-root > li"))).hasSize(1);
			assertThat(secretary.driver.findElement(By.cssSelector("#org-tree-root > li")).getDomAttribute("data-org-id"))
				.isEqualTo(branch);
			assertThat(secretary.driver.findElements(By.id("move-org"))).isEmpty();
			assertThat(secretary.driver.findElements(By.id("new-child"))).hasSize(1);
			assertThat(secretary.driver.findElements(By.id("audit-link"))).isEmpty();

			secretary.open("/organizations/" + branch + "/move");
			assertThat(secretary.find(By.tagName("h1")).getText()).isEqualTo("无权访问");

			secretary.open("/organizations/" + other);
			assertThat(secretary.find(By.tagName("h1")).getText()).contains("不在您的管理范围内");

			secretary.open("/settings");
			assertThat(secretary.find(By.cssSelector("fieldset")).getDomProperty("disabled")).isEqualTo("true");
			assertThat(secretary.driver.findElements(By.id("save-settings"))).isEmpty();

			secretary.open("/audit");
			assertThat(secretary.find(By.tagName("h1")).getText()).isEqualTo("无权访问");
		}
	}
}
