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
 * Issue 17 items 2 and 3 in the browser: the trail filtered by an organization picked by typing its name and by a
 * member's name, read in Chinese with names; the import page's target picked the same way, never as a number.
 */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadableAuditBrowserTest {

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
	void theTrailIsFilteredByAnOrganizationPickedByNameAndByAMembersNameAndReadsInChinese() {
		String town = data.org("痕迹镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("痕迹村党支部", "BRANCH", "RURAL", town);
		String name = "周痕迹" + data.suffix;
		String member = data.member(name, branch, "PROBATIONARY");
		int v = data.api.get("/api/members/" + member).json().get("version").asInt();
		assertThat(data.api.patch("/api/members/" + member, Map.of("category", "FULL", "fullMemberOn", "2022-07-01",
				"version", v)).status()).isEqualTo(200);

		b.open("/audit");
		b.find(By.id("organizationId-filter")).sendKeys("痕迹镇" + data.suffix);
		assertThat(new Select(b.driver.findElement(By.id("organizationId"))).getFirstSelectedOption().getDomProperty("value"))
			.isEqualTo(town);
		b.click(By.id("audit-search"));
		b.wait.until(ExpectedConditions.urlContains("organizationId=" + town));
		String table = b.find(By.id("audit-table")).getText();
		assertThat(table).contains("党组织", "痕迹镇" + data.suffix, "痕迹村党支部" + data.suffix, name, "人员类别：",
				"预备党员", "正式党员", "新建", "修改")
			.doesNotContain("PROBATIONARY", "category", "BRANCH", "#" + member);
		// the chosen organization stays chosen, by name
		assertThat(new Select(b.driver.findElement(By.id("organizationId"))).getFirstSelectedOption().getText().trim())
			.isEqualTo("痕迹镇" + data.suffix);
		b.screenshot("audit-desktop");

		b.driver.findElement(By.id("q")).sendKeys(name);
		b.click(By.id("audit-search"));
		b.wait.until(ExpectedConditions.urlContains("q="));
		var rows = b.find(By.id("audit-table")).findElements(By.cssSelector("tbody tr"));
		assertThat(rows).hasSize(2);
		assertThat(rows).allMatch(r -> r.getText().contains(name));
		assertThat(b.find(By.id("audit-excel")).getDomAttribute("href")).contains("/audit.xlsx?", "organizationId=" + town);

		b.resize(Browser.PHONE);
		try {
			b.open("/audit?organizationId=" + town);
			assertThat(b.overflowsHorizontally()).isFalse();
			b.screenshot("audit-phone");
		}
		finally {
			b.resize(Browser.DESKTOP);
		}
	}

	@Test
	void theImportTargetIsPickedByTypingItsNameNotANumber() {
		String town = data.org("导入目标镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("导入目标村党支部", "BRANCH", "RURAL", town);

		b.open("/members/import");
		assertThat(b.driver.findElements(By.cssSelector("input[placeholder='党组织编号']"))).isEmpty();
		b.find(By.id("organizationId-filter")).sendKeys("导入目标村党支部" + data.suffix);
		assertThat(new Select(b.driver.findElement(By.id("organizationId"))).getFirstSelectedOption().getDomProperty("value"))
			.isEqualTo(branch);
		b.wait.until(ExpectedConditions.attributeContains(By.id("template-link"), "href", "organizationId=" + branch));
		b.screenshot("import-target-desktop");
	}
}
