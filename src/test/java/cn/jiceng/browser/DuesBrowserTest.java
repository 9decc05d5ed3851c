package cn.jiceng.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A branch secretary records a payment in the collection table; the dues pages fit a phone. */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuesBrowserTest {

	@LocalServerPort
	int port;

	private Api admin;
	private String township;
	private String branch;
	private String payer;
	private String other;
	private String secretary;
	private Path profile;
	private WebDriver driver;
	private WebDriverWait wait;

	@BeforeAll
	void setUp() throws IOException {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		township = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("浏览器测试镇"));
		branch = TestData.createOrg(admin, township, "BRANCH", "RURAL", TestData.unique("浏览器测试村党支部"));
		payer = TestData.createMember(admin, branch, "李交费", Gender.MALE, "FULL", "2020-01-01");
		other = TestData.createMember(admin, branch, "王未交", Gender.FEMALE, "FULL", "2020-01-01");
		for (String[] m : new String[][] { { payer, "5100" }, { other, "4900" } }) {
			Api.Response r = admin.put("/api/members/" + m[0] + "/dues-base",
					Map.of("effectiveMonth", "2025-01", "category", "PAYROLL", "base", Integer.parseInt(m[1])));
			assertThat(r.status()).as(r.body()).isEqualTo(200);
		}
		secretary = "dues-b-" + System.nanoTime() % 1_000_000_000L;
		Api.Response account = admin.post("/api/accounts", Map.of("username", secretary, "password", "Secretary-Pass-1",
				"role", "BRANCH_SECRETARY", "organizationId", branch));
		assertThat(account.status()).as(account.body()).isEqualTo(201);

		System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		profile = Files.createTempDirectory("dues-browser");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900", "--lang=zh-CN");
		driver = new ChromeDriver(options);
		wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	@AfterAll
	void tearDown() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void login(String username, String password) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-button")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private String statusOf(String memberId) {
		return driver.findElement(By.cssSelector("tr[data-member-id='" + memberId + "'] .status")).getText();
	}

	@Test
	void secretaryRecordsAPaymentInTheCollectionTable() {
		login(secretary, "Secretary-Pass-1");
		driver.get(url("/dues/collect?organizationId=" + branch + "&month=2025-03"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("collection-table")));
		assertThat(statusOf(payer)).isEqualTo("未交");

		((JavascriptExecutor) driver).executeScript("document.getElementById('paidOn').value = '2025-03-15';");
		driver.findElement(By.cssSelector("#channel option[value='MOBILE_APP']")).click();
		driver.findElement(By.id("pick-" + payer)).click();
		driver.findElement(By.id("record-selected")).click();

		WebElement flash = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
		assertThat(flash.getText()).contains("已登记1人");
		assertThat(statusOf(payer)).isEqualTo("已交");
		assertThat(statusOf(other)).isEqualTo("未交");
		assertThat(driver.findElement(By.id("paid-count")).getText()).isEqualTo("1");
		JsonNode payments = admin.get("/api/members/" + payer + "/dues-payments").json();
		assertThat(payments).hasSize(1);
		assertThat(payments.get(0).get("paidOn").asText()).isEqualTo("2025-03-15");
		assertThat(payments.get(0).get("channel").asText()).isEqualTo("MOBILE_APP");
		assertThat(payments.get(0).get("amount").decimalValue()).isEqualByComparingTo("76.50");
		assertThat(payments.get(0).get("recordedBy").asText()).isEqualTo(secretary);
	}

	@Test
	void townshipMarksAnAdviceHandledInPlace() {
		login("admin", ApiTest.ADMIN_PASSWORD);
		driver.get(url("/advice?organizationId=" + township));
		String card = "advice-" + branch + "-JOIN_BRANCH";
		WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(card)));
		item.findElement(By.name("note")).sendKeys("已与邻村商定组建联合党支部");
		item.findElement(By.cssSelector("button[type=submit]")).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(card), "处理情况：已与邻村商定组建联合党支部"));
		assertThat(driver.findElement(By.id(card)).getText()).contains("已处理");
		JsonNode advice = admin.get("/api/organizations/" + branch + "/advice").json();
		assertThat(advice.get(0).get("handled").asBoolean()).isTrue();
	}

	@Test
	void electionIsRecordedFromTheForm() {
		String village = TestData.createOrg(admin, township, "BRANCH", "RURAL", TestData.unique("换届表单村"));
		login("admin", ApiTest.ADMIN_PASSWORD);
		driver.get(url("/terms/" + village + "/election"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("election-form")));
		((JavascriptExecutor) driver).executeScript("document.getElementById('heldOn').value = '2025-06-18';");
		driver.findElement(By.id("secretaryName")).sendKeys("周书记");
		driver.findElement(By.id("committee")).sendKeys("周书记、吴委员、郑委员");
		driver.findElement(By.cssSelector("#election-form button[type=submit]")).click();

		WebElement flash = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
		assertThat(flash.getText()).contains("2025-06-18换届选举，新一届任期至2030-06-18");
		JsonNode history = admin.get("/api/organizations/" + village + "/elections").json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("committeeMembers")).hasSize(3);
	}

	@Test
	void duesAndTermPagesFitADesktopAndAPhone() throws IOException {
		login("admin", ApiTest.ADMIN_PASSWORD);
		Map<String, String> pages = new HashMap<>();
		pages.put("collect", "/dues/collect?organizationId=" + branch + "&month=2025-03");
		pages.put("member", "/dues/members/" + other + "?year=2025");
		pages.put("summary", "/dues/summary?organizationId=" + township + "&month=2025-03");
		pages.put("arrears", "/dues/arrears?organizationId=" + township + "&asOf=2025-08");
		pages.put("review", "/dues/base-review?organizationId=" + township + "&year=2026");
		pages.put("advice", "/advice?organizationId=" + township);
		pages.put("terms", "/terms?organizationId=" + township + "&show=all");
		pages.put("election", "/terms/" + branch + "/election");
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		List<String> overflowing = new ArrayList<>();
		for (int width : new int[] { 1280, 390 }) {
			driver.manage().window().setSize(new Dimension(width, 1600));
			for (var page : pages.entrySet()) {
				driver.get(url(page.getValue()));
				WebElement h1 = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
				assertThat(h1.getText()).as(page.getKey()).isNotBlank();
				assertThat(driver.getTitle()).as(page.getKey()).doesNotContain("出错");
				Object fits = ((JavascriptExecutor) driver)
					.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
				if (!Boolean.TRUE.equals(fits)) {
					overflowing.add(page.getKey() + "@" + width);
				}
				Files.write(dir.resolve("dues-" + page.getKey() + "-" + width + ".png"),
						((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			}
		}
		driver.manage().window().setSize(new Dimension(1280, 900));
		assertThat(overflowing).isEmpty();
	}
}
