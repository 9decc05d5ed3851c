package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A secretary corrects a recorded branch assembly in the pages: the first topic it must name, a member's attendance,
 * a change made meanwhile by someone else that is not overwritten, the history, and the record deleted.
 */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingCorrectionBrowserTest {

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

	@Test
	void aRecordedAssemblyIsCorrectedNeverOverwrittenShowsItsHistoryAndIsDeleted() {
		String town = data.org("更正镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("更正村党支部", "BRANCH", "RURAL", town);
		String first = data.member("甲" + data.suffix.substring(0, 4), branch, "FULL");
		String second = data.member("乙" + data.suffix.substring(0, 4), branch, "FULL");
		Api.Response created = data.api.post("/api/organizations/" + branch + "/meetings", Map.of("type", "BRANCH_ASSEMBLY",
				"heldOn", "2025-06-20", "theme", "第二季度党员大会", "firstTopic", "学习总书记重要讲话精神", "attendance",
				List.of(Map.of("memberId", first, "status", "PRESENT"), Map.of("memberId", second, "status", "PRESENT"))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String meeting = created.text("id");

		b.open("/orglife/meetings/" + meeting);
		assertThat(b.find(By.id("recorded-by")).getText()).contains("admin");
		b.click(By.id("edit-meeting"));
		WebElement topic = b.find(By.id("firstTopic"));
		topic.clear();
		b.find(By.id("theme")).clear();
		b.find(By.id("theme")).sendKeys("第二季度党员大会（更正）");
		b.click(By.id("save-correction"));
		// the first topic is what a branch assembly opens with: refused, what was typed stays
		b.wait.until(ExpectedConditions.attributeContains(By.id("firstTopic"), "class", "is-invalid"));
		assertThat(b.find(By.id("theme")).getDomProperty("value")).isEqualTo("第二季度党员大会（更正）");
		assertThat(b.overflowsHorizontally()).isFalse();
		b.screenshot("meeting-edit-phone");
		assertThat(data.api.get("/api/meetings/" + meeting).text("theme")).isEqualTo("第二季度党员大会");

		b.find(By.id("firstTopic")).sendKeys("学习习近平总书记最新重要讲话精神");
		b.click(By.cssSelector("label[for='att_" + second + "_LEAVE']"));
		b.click(By.id("save-correction"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已保存"));
		assertThat(b.find(By.id("meeting-theme")).getText()).isEqualTo("第二季度党员大会（更正）");
		var saved = data.api.get("/api/meetings/" + meeting).json();
		assertThat(saved.get("attendance").valueStream()
			.filter(a -> a.get("memberId").asText().equals(second))
			.findFirst()
			.orElseThrow()
			.get("status")
			.asText()).isEqualTo("LEAVE");

		// someone else changes the record while the page is open: the page's save is refused, nothing lost
		b.click(By.id("edit-meeting"));
		int version = data.api.get("/api/meetings/" + meeting).json().get("version").asInt();
		assertThat(data.api.patch("/api/meetings/" + meeting, Map.of("version", version, "minutes", "另一人补充的会议记录"))
			.status()).isEqualTo(200);
		b.find(By.id("theme")).clear();
		b.find(By.id("theme")).sendKeys("不应覆盖");
		b.click(By.id("save-correction"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-errors"), "已被他人修改"));
		var after = data.api.get("/api/meetings/" + meeting).json();
		assertThat(after.get("theme").asText()).isEqualTo("第二季度党员大会（更正）");
		assertThat(after.get("minutes").asText()).isEqualTo("另一人补充的会议记录");

		b.open("/orglife/meetings/" + meeting);
		b.click(By.id("meeting-history"));
		assertThat(b.find(By.tagName("main")).getText()).contains("第二季度党员大会（更正）");

		b.open("/orglife/meetings/" + meeting + "/edit");
		b.click(By.id("confirm-delete"));
		b.click(By.id("delete-meeting"));
		b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "已删除"));
		assertThat(data.api.get("/api/meetings/" + meeting).status()).isEqualTo(404);
	}
}
