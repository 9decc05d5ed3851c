package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 软弱涣散整顿 on a phone: the county runs the candidates with every criterion explained, confirms a village with
 * its three helpers found by name, records a help measure and moves it to the next stage.
 */
@ApiTest
@Tag("browser")
class WeakLaxBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void theCountyConfirmsACandidateWithItsHelpersAndMovesItOnOnAPhone() {
		TestData data = new TestData(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		String town = data.org("整顿镇", "COMMITTEE", "RURAL", data.root);
		String village = data.org("涣散村党支部", "BRANCH", "RURAL", town);
		String helper = data.member("甄挂点", village, "FULL");

		try (Browser county = new Browser(port, Browser.PHONE)) {
			county.login("admin", ApiTest.ADMIN_PASSWORD);
			county.open("/supervision/weak-and-lax/candidates?org=" + town);
			assertThat(county.find(By.id("criteria-explained")).getText()).contains("书记岗位空缺超过3个月",
					"台账达标率低于50%", "连续2年");
			By card = By.cssSelector(".candidate[data-org-id='" + village + "']");
			assertThat(county.find(card).getText()).contains("连续未确定发展对象");
			assertThat(county.overflowsHorizontally()).isFalse();
			county.screenshot("weak-lax-candidates-phone");

			county.click(By.cssSelector(".candidate[data-org-id='" + village + "'] a.confirm-link"));
			for (String field : List.of("countyLeaderMemberId", "townshipSecretaryMemberId", "residentCadreMemberId")) {
				county.find(By.id(field + "-q")).sendKeys("甄挂点");
				county.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("select#" + field)));
				new Select(county.find(By.cssSelector("select#" + field))).selectByValue(helper);
			}
			new Select(county.find(By.name("national"))).selectByIndex(3);
			county.click(By.id("c-MANUAL"));
			assertThat(county.overflowsHorizontally()).isFalse();
			county.screenshot("weak-lax-confirm-phone");
			county.click(By.id("confirm-submit"));
			county.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
					"已列入"));

			By item = By.cssSelector(".weak-lax-item");
			assertThat(county.find(item).getText()).contains("整顿中", "甄挂点", "人工认定");
			county.find(By.cssSelector(".weak-lax-item .measure-form input[name=note]")).sendKeys("选派驻村第一书记，配齐班子");
			county.click(By.cssSelector(".weak-lax-item .measure-form button[type=submit]"));
			county.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
					"已登记帮扶措施"));
			county.click(By.cssSelector(".weak-lax-item .advance-form button"));
			county.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
					"已推进到“已转化”"));
			assertThat(county.find(item).getText()).contains("选派驻村第一书记", "已转化");
			assertThat(county.overflowsHorizontally()).isFalse();
			county.screenshot("weak-lax-ledger-phone");
		}
	}
}
