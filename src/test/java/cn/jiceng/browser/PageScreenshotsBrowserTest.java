package cn.jiceng.browser;

import java.nio.file.Files;
import java.util.LinkedHashMap;
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
 * Every page of the foundation at desktop and phone width: it renders (no error page), nothing makes the user
 * scroll sideways, and a screenshot lands in target/screenshots for people to look at.
 */
@ApiTest
@Tag("browser")
class PageScreenshotsBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void everyPageRendersAtDesktopAndPhoneWidthWithoutSidewaysScrolling() throws Exception {
		TestData data = new TestData(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		String town = data.org("截图镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("截图村党支部", "BRANCH", "RURAL", town);
		data.org("截图社区党支部", "BRANCH", "COMMUNITY", town);
		String member = null;
		for (int i = 0; i < 23; i++) {
			String id = data.member("截图党员" + i, branch, i % 5 == 0 ? "PROBATIONARY" : "FULL");
			member = member == null ? id : member;
		}
		data.api.post("/api/members/" + member + "/mobility",
				Map.of("destination", "浙江省杭州市西湖区某某科技有限公司", "startedOn", "2024-03-01"));

		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("login", "/login");
		pages.put("organization", "/organizations/" + town);
		pages.put("organization-new", "/organizations/" + town + "/new");
		pages.put("organization-edit", "/organizations/" + branch + "/edit");
		pages.put("organization-move", "/organizations/" + branch + "/move");
		pages.put("members", "/members?organizationId=" + town);
		pages.put("member", "/members/" + member);
		pages.put("member-new", "/members/new?organizationId=" + branch);
		pages.put("member-edit", "/members/" + member + "/edit");
		pages.put("accounts", "/accounts?memberId=" + member + "&organizationId=" + branch + "&role=MEMBER");
		pages.put("audit", "/audit?entityType=Member&entityId=" + member);
		pages.put("settings", "/settings");
		pages.put("compliance", "/orglife/compliance?organizationId=" + data.root + "&show=all");
		pages.put("accountability", "/orglife/accountability?organizationId=" + town);
		pages.put("dues-summary", "/dues/summary?organizationId=" + town);
		pages.put("terms", "/terms?organizationId=" + town + "&show=all");
		pages.put("advice", "/advice?organizationId=" + town + "&show=all");

		try (Browser b = new Browser(port, Browser.DESKTOP)) {
			for (Dimension size : new Dimension[] { Browser.DESKTOP, Browser.PHONE }) {
				b.resize(size);
				for (var page : pages.entrySet()) {
					if (page.getKey().equals("login")) {
						b.driver.manage().deleteAllCookies();
						b.open(page.getValue());
					}
					else {
						if (b.driver.getCurrentUrl().contains("/login")) {
							b.login("admin", ApiTest.ADMIN_PASSWORD);
						}
						b.open(page.getValue());
					}
					String name = page.getKey() + "-" + size.getWidth();
					assertThat(b.find(By.tagName("h1")).getText()).as(name).doesNotContain("出错了", "系统出错", "无权访问", "页面不存在");
					assertThat(b.driver.getTitle()).as(name).doesNotContain("出错了");
					assertThat(b.overflowsHorizontally()).as(name + " scrolls sideways").isFalse();
					assertThat(Files.size(b.screenshot(name))).as(name).isPositive();
				}
			}
		}
	}
}
