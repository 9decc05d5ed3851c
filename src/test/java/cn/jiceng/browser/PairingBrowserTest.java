package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.supervision.PairingDemoData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 携手联心 on a phone: the agency branch's secretary pairs with a care center, posts a wish, names the member who
 * claims it, marks it completed and records a service and a difficulty; then the pairing and contact-assignment pages
 * of a township with a demo year render at desktop and phone width without sideways scrolling (screenshots in
 * target/screenshots).
 */
@ApiTest
@Tag("browser")
class PairingBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	PairingDemoData demo;

	@Autowired
	JdbcClient jdbc;

	private String account(Api admin, String role, String org, String password) {
		String user = "pb" + Long.toString(System.nanoTime(), 36);
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
	void aSecretaryPairsPostsAWishHasItClaimedAndCompletedOnAPhone() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		TestData data = new TestData(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		String county = data.org("联心片区", "COMMITTEE", "RURAL", data.root);
		String town = data.org("联心镇", "COMMITTEE", "RURAL", county);
		data.org("东山村党支部", "BRANCH", "RURAL", town);
		data.org("西岭村党支部", "BRANCH", "RURAL", town);
		String agency = data.org("镇机关党支部", "BRANCH", "AGENCY", town);
		String claimant = data.member("李认领", agency, "FULL");
		for (int b = 0; b < 3; b++) {
			String other = data.org("县直部门" + b + "党支部", "BRANCH", "AGENCY", town);
			data.member("机关党员" + b, other, "FULL");
		}
		String member = data.member("王结对", data.org("结对村党支部", "BRANCH", "RURAL", town), "FULL");
		String village = data.org("挂联村党支部", "BRANCH", "RURAL", town);
		String path = jdbc.sql("SELECT path FROM organization WHERE id = :id").param("id", Long.parseLong(county))
			.query(String.class).single();
		long countyId = jdbc.sql("SELECT county_id FROM organization WHERE id = :id").param("id", Long.parseLong(town))
			.query(Long.class).single();
		demo.seed(countyId, path, today);
		Api.Response contact = data.api.post("/api/contact-assignments", Map.of("kind", "DEPARTMENT_TO_VILLAGE",
				"memberId", member, "organizationId", village, "startedOn", today.minusMonths(2).toString()));
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		data.api.post("/api/contact-assignments/" + contact.text("id") + "/activities",
				Map.of("on", today.toString(), "kind", "VISIT", "note", "入户走访困难党员"));
		String secretary = account(data.api, "BRANCH_SECRETARY", agency, "Agency-Pass-1");

		try (Browser phone = new Browser(port, Browser.PHONE)) {
			phone.login(secretary, "Agency-Pass-1");
			phone.open("/supervision/pairings");
			phone.click(By.cssSelector("#pair-card summary"));
			phone.find(By.id("siteName")).sendKeys("东山村居家养老照料中心");
			phone.click(By.id("submit-pairing"));
			phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已与"));
			phone.click(By.cssSelector("#wish-card summary"));
			phone.find(By.id("wish-content")).sendKeys("王奶奶想要一台收音机");
			phone.click(By.id("submit-wish"));
			phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已发布"));
			phone.click(By.cssSelector(".claim-button"));
			assertThat(phone.find(By.id("page-problem")).getText()).contains("请选择认领党员");
			new Select(phone.find(By.cssSelector(".claim-form select"))).selectByVisibleText("李认领");
			phone.click(By.cssSelector(".claim-button"));
			phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wish-list"), "李认领"));
			phone.click(By.cssSelector(".complete-button"));
			phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wish-list"), "已完成"));
			phone.find(By.cssSelector("#service-form input[name=content]")).sendKeys("为老人理发、打扫卫生");
			phone.click(By.id("submit-service"));
			phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("service-list"), "理发"));
			phone.find(By.cssSelector("#difficulty-form input[name=content]")).sendKeys("协调修缮照料中心屋顶");
			phone.click(By.id("submit-difficulty"));
			phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("difficulty-list"), "屋顶"));
			assertThat(phone.find(By.id("pairing-year")).getText()).contains("年度进行中", "1 次", "1 个");
			assertThat(phone.overflowsHorizontally()).isFalse();
			phone.screenshot("pairing-secretary-390");
		}

		// a clerk creates an assignment from the form: a refusal first, then the cadre and the target by name
		try (Browser phone = new Browser(port, Browser.PHONE)) {
			phone.login("admin", ApiTest.ADMIN_PASSWORD);
			phone.open("/supervision/contacts?org=" + town);
			phone.click(By.id("new-contact-link"));
			phone.click(By.id("save-contact"));
			assertThat(phone.find(By.id("contact-problem")).getText()).contains("请选择挂联类型", "挂联干部");
			new Select(phone.find(By.id("contact-kind"))).selectByValue("FIRST_SECRETARY_TO_VILLAGE");
			phone.find(By.id("member-query")).sendKeys("王结对");
			phone.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("memberId")));
			phone.find(By.id("target-query")).sendKeys("挂联村党支部");
			phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("target-options"), "挂联村党支部"));
			phone.wait.until(d -> new Select(d.findElement(By.id("organizationId"))).getOptions().size() == 1);
			assertThat(phone.overflowsHorizontally()).isFalse();
			phone.screenshot("contact-new-390");
			phone.click(By.id("save-contact"));
			phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已建立挂联"));
		}

		// a member of the agency branch claims a new wish for itself and marks it completed
		String pairingId = jdbc.sql("SELECT id FROM pairing WHERE organization_id = :o AND created_by <> 'demo'").param("o", Long.parseLong(agency))
			.query(String.class).single();
		data.api.post("/api/pairings/" + pairingId + "/wishes", Map.of("postedOn", today.toString(), "content",
				"张爷爷想要一副老花镜"));
		String memberUser = "pm" + Long.toString(System.nanoTime(), 36);
		Api.Response acc = data.api.post("/api/accounts", Map.of("username", memberUser, "password", "Member-Pass-1",
				"role", "MEMBER", "organizationId", agency, "memberId", claimant));
		assertThat(acc.status()).as(acc.body()).isEqualTo(201);
		try (Browser phone = new Browser(port, Browser.PHONE)) {
			phone.login(memberUser, "Member-Pass-1");
			phone.open("/supervision/my-wishes");
			phone.click(By.cssSelector(".claim-mine button"));
			phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-claimed"), "老花镜"));
			assertThat(phone.overflowsHorizontally()).isFalse();
			phone.screenshot("my-wishes-390");
			phone.click(By.cssSelector(".complete-mine button"));
			phone.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-completed"), "老花镜"));
		}

		int lastYear = today.getYear() - 1;
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("pairings", "/supervision/pairings?org=" + town + "&year=" + lastYear);
		pages.put("pairings-county", "/supervision/pairings?org=" + county + "&year=" + lastYear);
		String first = jdbc.sql("SELECT p.id FROM pairing p JOIN organization o ON o.id = p.organization_id "
				+ "WHERE o.path LIKE :p AND p.created_by = 'demo' ORDER BY p.id LIMIT 1").param("p", path + "%")
			.query(String.class).single();
		pages.put("pairing", "/supervision/pairings/" + first + "?year=" + lastYear);
		pages.put("contacts", "/supervision/contacts?org=" + town);
		pages.put("contact-coverage", "/supervision/contacts/coverage?org=" + data.root);
		pages.put("contact", "/supervision/contacts/" + contact.text("id"));
		pages.put("problems", "/supervision/problems?org=" + town);
		try (Browser b = new Browser(port, Browser.DESKTOP)) {
			b.login("admin", ApiTest.ADMIN_PASSWORD);
			for (Dimension size : new Dimension[] { Browser.DESKTOP, Browser.PHONE }) {
				b.resize(size);
				for (var page : pages.entrySet()) {
					b.open(page.getValue());
					String name = page.getKey() + "-" + size.getWidth();
					assertThat(b.driver.getTitle()).as(name).doesNotContain("出错了");
					assertThat(b.overflowsHorizontally()).as(name + " scrolls sideways").isFalse();
					b.screenshot(name);
				}
			}
		}
	}
}
