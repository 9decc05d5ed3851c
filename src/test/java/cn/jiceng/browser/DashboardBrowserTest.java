package cn.jiceng.browser;

import java.nio.file.Files;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command center: drilling from the county into a township and a branch through the children table and through
 * the organization tree (and back up by the crumbs and the tree), the
 * charts drawn at desktop and phone width (stacked, nothing scrolls sideways), the Excel of the children, and the
 * wall mode on a 1920×1080 screen; screenshots land in target/screenshots.
 */
@ApiTest
@Tag("browser")
class DashboardBrowserTest {

	private static final Dimension WALL = new Dimension(1920, 1080);

	@LocalServerPort
	int port;

	@Test
	void drillsFromTheCountyIntoATownshipAndABranchAndShowsTheWall() throws Exception {
		TestData data = new TestData(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		String town = data.org("指挥中心镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("指挥中心村党支部", "BRANCH", "RURAL", town);
		data.org("指挥中心社区党支部", "BRANCH", "COMMUNITY", town);
		String member = null;
		for (int i = 0; i < 9; i++) {
			String id = data.member("指挥党员" + i, branch, i % 4 == 0 ? "PROBATIONARY" : "FULL");
			member = member == null ? id : member;
		}
		data.api.post("/api/members/" + member + "/mobility", Map.of("destination", "浙江省杭州市", "startedOn", "2024-03-01"));

		try (Browser b = new Browser(port, Browser.DESKTOP)) {
			b.login("admin", ApiTest.ADMIN_PASSWORD);
			b.open("/");
			b.click(By.id("home-dashboard"));
			b.find(By.id("children-table"));
			b.click(By.cssSelector("#children-table tr[data-organization-id='" + town + "'] a"));
			b.wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("指挥中心镇"));
			assertThat(b.find(By.id("fig-members")).getText()).isEqualTo("9");
			// the charts are drawn (ECharts' SVG renderer)
			b.find(By.cssSelector("#chart-trend svg"));
			b.find(By.cssSelector("#chart-colors svg"));
			for (Dimension size : new Dimension[] { Browser.DESKTOP, Browser.PHONE }) {
				b.resize(size);
				b.open("/dashboard?organizationId=" + town);
				b.find(By.cssSelector("#chart-stars svg"));
				String name = "dashboard-" + size.getWidth();
				assertThat(b.overflowsHorizontally()).as(name + " scrolls sideways").isFalse();
				assertThat(Files.size(b.screenshot(name))).isPositive();
			}
			// at phone width the charts stack: each one starts below the previous
			Number trendTop = (Number) b.js("return document.getElementById('chart-trend').getBoundingClientRect().top");
			Number colorsTop = (Number) b.js("return document.getElementById('chart-colors').getBoundingClientRect().top");
			assertThat(colorsTop.doubleValue()).isGreaterThan(trendTop.doubleValue());
			b.resize(Browser.DESKTOP);
			b.click(By.cssSelector("#children-table tr[data-organization-id='" + branch + "'] a"));
			b.wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("指挥中心村党支部"));
			assertThat(b.find(By.id("dashboard-crumbs")).getText()).contains("指挥中心镇");

			// the same way down through the tree beside the dashboard, and back up by the crumbs and the tree's root
			String county = data.api.get("/api/organizations/" + data.root).json().get("name").asText();
			b.open("/dashboard");
			b.click(By.cssSelector("#org-tree-root li[data-org-id='" + town + "'] > a"));
			b.wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("指挥中心镇"));
			b.click(By.cssSelector("#org-tree-root li[data-org-id='" + town + "'] > button.toggle"));
			b.click(By.cssSelector("#org-tree-root li[data-org-id='" + branch + "'] > a"));
			b.wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("指挥中心村党支部"));
			assertThat(b.find(By.cssSelector("#org-tree-root li[data-org-id='" + branch + "'] > a.active")).getText())
				.contains("指挥中心村党支部");
			b.click(By.cssSelector("#dashboard-crumbs a[href*='organizationId=" + town + "']"));
			b.wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("指挥中心镇"));
			b.click(By.cssSelector("#org-tree-root > li > a"));
			b.wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith(county));
			assertThat(b.find(By.id("bulletin-link")).getAttribute("href")).contains("/api/organizations/" + data.root + "/bulletin.pdf");

			b.resize(WALL);
			b.open("/dashboard/wall?organizationId=" + town);
			assertThat(b.find(By.id("wall-org")).getText()).contains("指挥中心镇");
			b.wait.until(d -> d.findElements(By.cssSelector(".wall-chart svg")).size() == 3);
			assertThat(b.overflowsHorizontally()).isFalse();
			assertThat(Files.size(b.screenshot("dashboard-wall-1920"))).isPositive();
			b.open("/dashboard/wall?organizationId=" + town + "&step=1");
			assertThat(b.find(By.id("wall-org")).getText()).contains("党支部");
		}
	}
}
