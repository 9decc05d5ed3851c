package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.member.IdNumber;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * At phone width a township clerk finds the elderly member still owed this quarter's home delivery, records his needs
 * and a delivery by a red instructor picked by name, publishes a study material with a dialect recording and adds a
 * story photo; then the member logs in and finds it all on 我的学习.
 */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibleStudyBrowserTest {

	static final byte[] MP3 = { 'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6 };

	@LocalServerPort
	int port;

	Browser b;

	TestData data;

	@BeforeAll
	void logIn() {
		data = new TestData(Api.login(port, "admin", ApiTest.ADMIN_PASSWORD));
		b = new Browser(port, Browser.PHONE);
		b.login("admin", ApiTest.ADMIN_PASSWORD);
	}

	@AfterAll
	void closeBrowser() {
		b.close();
	}

	private String elderly(String name, String branch) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("gender", "MALE");
		body.put("idNumber", IdNumber.generate("330122", LocalDate.of(1941, 5, 4), (int) (System.nanoTime() % 1000),
				Gender.MALE));
		body.put("organizationId", branch);
		body.put("category", "FULL");
		body.put("joinedOn", "1965-07-01");
		Api.Response r = data.api.post("/api/members", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	@Test
	void anElderlyMemberGetsHisDeliveryMaterialsAndStoriesOnAPhone() throws Exception {
		String town = data.org("送学页镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("送学页村党支部", "BRANCH", "RURAL", town);
		String s = data.suffix.substring(0, 4);
		String elder = "老党员" + s;
		String elderId = elderly(elder, branch);
		String instructor = "指导员" + s;
		data.member(instructor, branch, "FULL");

		b.open("/publicity/accessible?organizationId=" + town + "&need=GAP");
		assertThat(b.find(By.id("accessible-items")).getText()).contains(elder, "本季度未送学", "70岁以上默认");
		assertThat(b.find(By.id("gap-count")).getText()).contains("1");
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("accessible-phone");

		b.click(By.linkText(elder));
		b.click(By.id("n-lp"));
		b.click(By.id("n-da"));
		b.click(By.cssSelector("#needs-form button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已保存学习需求"));
		b.find(By.id("instructor-query")).sendKeys(instructor);
		b.find(By.id("instructorMemberId"));
		b.find(By.id("d-note")).sendKeys("送去大字版学习读本并讲解");
		b.click(By.cssSelector("#delivery-form button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), instructor));
		assertThat(b.find(By.id("delivery-items")).getText()).contains(instructor, "送去大字版学习读本并讲解");
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("accessible-member-phone");

		b.open("/publicity/accessible?organizationId=" + town + "&need=GAP");
		assertThat(b.find(By.id("accessible-items")).getText()).doesNotContain(elder);

		b.open("/publicity/materials?organizationId=" + town);
		b.find(By.id("mt-title")).sendKeys("两学一做小喇叭" + s);
		b.find(By.id("mt-text")).sendKeys("学党章党规，学系列讲话，做合格党员。");
		b.click(By.cssSelector("#material-form button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "两学一做小喇叭"));
		Path mp3 = Files.createTempFile("dialect-", ".mp3");
		Files.write(mp3, MP3);
		b.find(By.cssSelector("#material-items .audio-form input[name=dialect]")).sendKeys("缙云话");
		b.driver.findElement(By.cssSelector("#material-items .audio-form input[type=file]")).sendKeys(mp3.toString());
		b.click(By.cssSelector("#material-items .audio-form button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "缙云话"));
		assertThat(b.driver.findElements(By.cssSelector("#material-items audio"))).isNotEmpty();
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("materials-phone");

		data.api.post("/api/organizations/" + branch + "/stories", Map.of("year", LocalDate.now().getYear(), "title",
				"老党员的红色记忆" + s, "text", "六十年党龄，一辈子跟党走。", "secretaryComment", "身边的榜样。"));
		b.open("/publicity/stories?organizationId=" + town);
		Path png = Files.createTempFile("story-", ".png");
		java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(120, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
		javax.imageio.ImageIO.write(img, "png", png.toFile());
		b.driver.findElement(By.cssSelector("#story-items .photo-form input[type=file]")).sendKeys(png.toString());
		b.click(By.cssSelector("#story-items .photo-form button[type=submit]"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "照片"));
		assertThat(b.driver.findElements(By.cssSelector("#story-items img"))).isNotEmpty();
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("stories-photo-phone");

		String user = ("elder" + s + System.nanoTime() % 10000).replace("-", "");
		Map<String, Object> account = new HashMap<>();
		account.put("username", user);
		account.put("password", "Elder-12345");
		account.put("role", "MEMBER");
		account.put("organizationId", branch);
		account.put("memberId", elderId);
		assertThat(data.api.post("/api/accounts", account).status()).isEqualTo(201);
		b.click(By.cssSelector("form[action$='/logout'] button"));
		b.wait.until(d -> d.getCurrentUrl().contains("/login"));
		b.login(user, "Elder-12345");
		b.open("/publicity/me");
		assertThat(b.find(By.id("my-needs")).getText()).contains("大字版", "方言音频", "送学上门");
		assertThat(b.find(By.id("my-deliveries")).getText()).contains(instructor);
		assertThat(b.find(By.id("my-materials")).getText()).contains("两学一做小喇叭" + s, "看大字版");
		assertThat(b.driver.findElements(By.cssSelector("#my-materials audio"))).isNotEmpty();
		assertThat(b.find(By.id("my-stories")).getText()).contains("老党员的红色记忆" + s);
		assertThat(b.driver.findElements(By.cssSelector("#my-stories img"))).isNotEmpty();
		b.screenshot("my-study-phone");
		// the member may see its branch's story photo
		b.wait.until(d -> Boolean.TRUE.equals(b.js(
				"var i = document.querySelector('#my-stories img'); return i.complete && i.naturalWidth > 0;")));
		String fetch = "var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
				+ " return x.status + ' ' + x.getResponseHeader('Content-Type');";
		assertThat((String) b.js(fetch, b.find(By.cssSelector("#my-materials audio")).getAttribute("src")))
			.startsWith("200 audio/mpeg");
		assertThat((String) b.js(fetch, b.find(By.linkText("看大字版")).getAttribute("href")))
			.startsWith("200 application/pdf");
		assertThat(b.driver.findElements(By.id("my-study-link"))).isNotEmpty();
		assertThat(b.overflowsHorizontally()).isFalse();
		b.click(By.cssSelector("form[action$='/logout'] button"));
		b.wait.until(d -> d.getCurrentUrl().contains("/login"));
		b.login("admin", ApiTest.ADMIN_PASSWORD);
	}
}
