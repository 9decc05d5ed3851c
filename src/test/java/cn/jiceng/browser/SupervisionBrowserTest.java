package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 问题交办 end to end in the browser: the township issues a notice, the village reports rectification (refused
 * without evidence, then with a photo, on a phone), the township verifies and sees the problem closed; the three
 * lists page shows a village's list with its progress.
 */
@ApiTest
@Tag("browser")
class SupervisionBrowserTest {

	@LocalServerPort
	int port;

	private String account(Api admin, String role, String org, String password) {
		String user = "sv" + Long.toString(System.nanoTime(), 36);
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", password);
		body.put("role", role);
		body.put("organizationId", org);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return user;
	}

	@Test
	void aNoticeIsIssuedRectifiedWithAPhotoByTheVillageAndClosedByTheTownship() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		TestData data = new TestData(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		String town = data.org("督办镇", "COMMITTEE", "RURAL", data.root);
		String village = data.org("督办村党支部", "BRANCH", "RURAL", town);
		String townUser = account(data.api, "TOWNSHIP_ADMIN", town, "Town-Pass-1");
		String villageUser = account(data.api, "BRANCH_SECRETARY", village, "Village-Pass-1");
		String description = "村务公开栏未及时更新" + data.suffix;

		try (Browser township = new Browser(port, Browser.DESKTOP); Browser villageSide = new Browser(port, Browser.PHONE)) {
			township.login(townUser, "Town-Pass-1");
			township.open("/supervision/problems");
			township.click(By.id("new-notice"));
			township.find(By.id("notice-title")).sendKeys("关于村务公开问题的整改通知");
			new Select(township.find(By.id("org0"))).selectByValue(village);
			township.find(By.id("description0")).sendKeys(description);
			township.setDate(By.id("dueOn0"), today.plusDays(15).toString());
			township.click(By.id("issue-notice"));
			township.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
					"整改通知已下发"));
			assertThat(township.find(By.id("problem-table")).getText()).contains(description, "整改中");
			township.screenshot("problems");

			villageSide.login(villageUser, "Village-Pass-1");
			villageSide.open("/supervision/problems");
			villageSide.click(By.cssSelector("#problem-table a.btn"));
			villageSide.find(By.id("rectified-note")).sendKeys("已更新公开栏并建立每月更新制度");
			villageSide.click(By.id("report-rectified"));
			assertThat(villageSide.find(By.id("page-problem")).getText()).contains("佐证材料");
			Path photo = Files.createTempFile("公开栏-", ".jpg");
			Files.write(photo, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16 });
			villageSide.driver.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
			villageSide.click(By.id("upload-button"));
			villageSide.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-list"), "公开栏-"));
			villageSide.find(By.id("rectified-note")).sendKeys("已更新公开栏并建立每月更新制度");
			villageSide.click(By.id("report-rectified"));
			villageSide.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-status"), "待验收"));
			assertThat(villageSide.driver.findElements(By.id("verify-form"))).isEmpty();
			assertThat(villageSide.overflowsHorizontally()).isFalse();
			villageSide.screenshot("problem-rectified-phone");

			township.open("/supervision/problems");
			township.click(By.cssSelector("#problem-table a.btn"));
			township.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-status"), "待验收"));
			township.find(By.id("verify-note")).sendKeys("现场查看，整改到位");
			township.click(By.id("verify-button"));
			township.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem-status"), "已销号"));
			assertThat(township.find(By.id("step-list")).getText()).contains("报告整改", "验收通过");
			township.screenshot("problem-closed");

			Api.Response list = data.api.post("/api/organizations/" + village + "/duty-lists", Map.of("year",
					today.getYear(), "kind", "LIVELIHOOD", "items", java.util.List.of(Map.of("title", "硬化通组道路",
							"dueOn", today.minusDays(1).toString()), Map.of("title", "新建文化广场", "dueOn",
							today.plusMonths(2).toString()))));
			assertThat(list.status()).as(list.body()).isEqualTo(201);
			villageSide.open("/supervision/duty-lists");
			assertThat(villageSide.find(By.id("duty-list-table")).getText()).contains("民生实事清单");
			assertThat(villageSide.find(By.id("overdue-total")).getText()).isEqualTo("1");
			assertThat(villageSide.overflowsHorizontally()).isFalse();
			villageSide.screenshot("duty-lists-phone");
		}
	}
}
