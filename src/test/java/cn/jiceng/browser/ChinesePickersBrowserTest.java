package cn.jiceng.browser;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Month and date fields show Chinese calendars whatever the browser's language, and still take typed values. */
@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChinesePickersBrowserTest {

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
	void theMonthPickerNamesTheMonthsInChineseAndAPickedMonthFillsTheField() {
		b.open("/orglife/compliance?month=2025-05");
		WebElement month = b.find(By.cssSelector("input[name='month']"));
		assertThat(month.getDomProperty("value")).isEqualTo("2025-05");

		b.click(By.cssSelector("input[name='month'] ~ .picker-button"));
		WebElement calendar = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
		assertThat(calendar.getText()).contains("三月", "十二月");
		b.screenshot("picker-month");
	}

	@Test
	void theDatePickerShowsChineseWeekdaysAndATypedDateIsKept() {
		String town = data.org("日历镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("日历村党支部", "BRANCH", "RURAL", town);
		b.open("/orglife/branches/" + branch + "/meetings/new");
		WebElement heldOn = b.find(By.id("heldOn"));
		heldOn.clear();
		heldOn.sendKeys("2025-03-10");
		assertThat(heldOn.getDomProperty("value")).isEqualTo("2025-03-10");

		b.click(By.cssSelector("#heldOn ~ .picker-button"));
		WebElement calendar = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
		assertThat(calendar.getText()).contains("周一", "三月");
		b.screenshot("picker-date");
	}
}
