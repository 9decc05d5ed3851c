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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 6 in the browser: an account opened with its member picked by name, found by search, its password
 * reset, disabled, a stale change refused in Chinese, and a user changing their own password; at phone width too.
 */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountManagementBrowserTest {

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
	void anAccountIsOpenedForAMemberPickedByNameThenResetDisabledAndGuardedByItsVersion() {
		String town = data.org("账号管理镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("账号管理村党支部", "BRANCH", "RURAL", town);
		String name = "钱" + data.suffix;
		String member = data.member(name, branch, "FULL");
		String username = "mgr_" + data.suffix;

		b.open("/accounts");
		assertThat(b.driver.findElements(By.xpath("//label[contains(., '编号')]"))).isEmpty();
		b.click(By.id("new-account"));
		b.find(By.id("username")).sendKeys(username);
		b.driver.findElement(By.id("password")).sendKeys("Member-Pass-1");
		new Select(b.driver.findElement(By.id("role"))).selectByValue("MEMBER");
		b.driver.findElement(By.id("organizationId-filter")).sendKeys("账号管理村党支部" + data.suffix);
		assertThat(new Select(b.driver.findElement(By.id("organizationId"))).getFirstSelectedOption().getDomProperty("value"))
			.isEqualTo(branch);
		b.driver.findElement(By.id("member-query")).sendKeys(name);
		b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("select#memberId option")));
		assertThat(new Select(b.driver.findElement(By.id("memberId"))).getFirstSelectedOption().getText()).startsWith(name);
		b.click(By.id("create-account"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), username));

		// found by the member's name; names, never numbers
		b.driver.findElement(By.id("q")).sendKeys(name);
		b.click(By.id("search-accounts"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-table"), username));
		String table = b.find(By.id("account-table")).getText();
		assertThat(table).contains(name, "党员", "账号管理村党支部" + data.suffix).doesNotContainPattern("#\\d+");
		assertThat(b.find(By.cssSelector(".pager-total")).getText()).isEqualTo("共 1 条");
		b.screenshot("accounts-list-desktop");
		b.click(By.linkText(username));
		b.wait.until(ExpectedConditions.textToBe(By.id("account-username"), username));
		assertThat(b.find(By.id("account-member")).getText()).isEqualTo(name);
		assertThat(b.driver.getPageSource()).doesNotContain("#" + member);

		b.click(By.id("reset-password"));
		String temporary = b.find(By.id("temporary-password")).getText();
		assertThat(temporary).hasSize(10);
		assertThat(Api.login(port, username, temporary).get("/api/me").text("memberId")).isEqualTo(member);
		b.screenshot("account-detail-desktop");

		b.click(By.id("disable-account"));
		b.wait.until(ExpectedConditions.textToBe(By.id("flash"), "账号已停用，该账号的登录已全部结束"));
		assertThat(b.find(By.id("account-state")).getText()).isEqualTo("已停用");
		assertThat(Api.anonymous(port).post("/api/auth/token", Map.of("username", username, "password", temporary)).body())
			.contains("账号已停用");

		// someone else enables it meanwhile: this page's version is stale
		String id = b.driver.getCurrentUrl().replaceAll(".*/accounts/(\\d+).*", "$1");
		int version = data.api.get("/api/accounts/" + id).json().get("version").asInt();
		assertThat(data.api.patch("/api/accounts/" + id, Map.of("version", version, "enabled", true)).status()).isEqualTo(200);
		b.click(By.id("enable-account"));
		assertThat(b.find(By.id("problem")).getText()).contains("该账号已被他人修改，请刷新页面后重新操作");
		assertThat(b.find(By.id("account-state")).getText()).isEqualTo("正常");

		b.resize(Browser.PHONE);
		try {
			b.open("/accounts/" + id);
			assertThat(b.overflowsHorizontally()).isFalse();
			b.screenshot("account-detail-phone");
			b.open("/accounts?q=" + name);
			assertThat(b.overflowsHorizontally()).isFalse();
			b.screenshot("accounts-list-phone");
		}
		finally {
			b.resize(Browser.DESKTOP);
		}
	}

	@Test
	void aUserChangesTheirOwnPasswordAndLogsInAgainWithIt() {
		String town = data.org("改密镇", "COMMITTEE", "RURAL", data.root);
		String username = "own_" + data.suffix;
		Map<String, Object> body = Map.of("username", username, "password", "Own-Pass-001", "role", "TOWNSHIP_ADMIN",
				"organizationId", town);
		assertThat(data.api.post("/api/accounts", body).status()).isEqualTo(201);
		try (Browser own = new Browser(port, Browser.PHONE)) {
			own.login(username, "Own-Pass-001");
			own.open("/account/password");
			own.find(By.id("currentPassword")).sendKeys("Own-Pass-001");
			own.driver.findElement(By.id("newPassword")).sendKeys("Own-Pass-002");
			own.driver.findElement(By.id("confirmPassword")).sendKeys("Own-Pass-003");
			own.click(By.id("change-password"));
			own.wait.until(ExpectedConditions.attributeContains(By.id("confirmPassword"), "class", "is-invalid"));
			assertThat(own.find(By.cssSelector("#confirmPassword ~ .invalid-feedback")).getText()).isEqualTo("两次输入的新密码不一致");
			own.screenshot("own-password-phone");

			own.find(By.id("currentPassword")).sendKeys("Own-Pass-001");
			own.driver.findElement(By.id("newPassword")).sendKeys("Own-Pass-002");
			own.driver.findElement(By.id("confirmPassword")).sendKeys("Own-Pass-002");
			own.click(By.id("change-password"));
			assertThat(own.find(By.id("password-changed")).getText()).isEqualTo("密码已修改，请用新密码重新登录");
			own.open("/");
			own.wait.until(ExpectedConditions.urlContains("/login"));
			own.login(username, "Own-Pass-002");
			assertThat(own.driver.getCurrentUrl()).doesNotContain("/login");
		}
	}
}
