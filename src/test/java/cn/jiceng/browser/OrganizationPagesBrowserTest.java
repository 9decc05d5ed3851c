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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationPagesBrowserTest {

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

	private By node(String id) {
		return By.cssSelector("li[data-org-id='" + id + "']");
	}

	private By toggle(String id) {
		return By.cssSelector("li[data-org-id='" + id + "'] > button.toggle");
	}

	@Test
	void theTreeOpensDownToTheSelectedOrganizationAndLoadsChildrenWhenOpened() {
		String town = data.org("树测试镇", "COMMITTEE", "RURAL", data.root);
		String branch = data.org("树测试村党支部", "BRANCH", "RURAL", town);
		String group = data.org("树测试党小组", "GROUP", "RURAL", branch);

		b.open("/organizations/" + town);
		WebElement current = b.find(By.cssSelector("#org-tree-root a.active"));
		assertThat(current.getText()).isEqualTo("树测试镇" + data.suffix);
		assertThat(b.driver.findElement(By.id("org-name")).getText()).isEqualTo("树测试镇" + data.suffix);
		// the selected organization is shown closed: its branch is not in the page until opened
		assertThat(b.driver.findElements(node(branch))).isEmpty();

		b.click(toggle(town));
		b.find(node(branch));
		b.click(toggle(branch));
		assertThat(b.find(node(group)).getText()).contains("树测试党小组" + data.suffix);

		b.click(toggle(town));
		b.wait.until(ExpectedConditions.invisibilityOfElementLocated(node(branch)));
		b.click(toggle(town));
		assertThat(b.find(node(branch)).isDisplayed()).isTrue();

		b.click(By.cssSelector("li[data-org-id='" + group + "'] > a"));
		b.wait.until(ExpectedConditions.urlContains("/organizations/" + group));
		// opened at the group, the tree shows the way down to it and the breadcrumbs name every level
		assertThat(b.find(By.cssSelector("#org-tree-root a.active")).getText()).isEqualTo("树测试党小组" + data.suffix);
		assertThat(b.driver.findElement(By.cssSelector(".breadcrumb")).getText()).contains("树测试镇" + data.suffix,
				"树测试村党支部" + data.suffix);
	}

	@Test
	void aNewChildOrganizationWithMistakesIsShownAgainWithAnErrorUnderEachField() {
		String town = data.org("新增测试镇", "COMMITTEE", "RURAL", data.root);
		b.open("/organizations/" + town);
		b.click(By.id("new-child"));
		b.wait.until(ExpectedConditions.urlContains("/organizations/" + town + "/new"));
		new Select(b.find(By.id("kind"))).selectByValue("BRANCH");
		b.driver.findElement(By.id("termYears")).sendKeys("20");
		b.click(By.id("save-button"));

		b.wait.until(ExpectedConditions.attributeContains(By.id("name"), "class", "is-invalid"));
		assertThat(b.driver.findElement(By.cssSelector("#name ~ .invalid-feedback")).getText()).contains("请填写党组织名称");
		assertThat(b.driver.findElement(By.id("termYears")).getDomAttribute("class")).contains("is-invalid");
		assertThat(b.driver.findElement(By.cssSelector("#termYears ~ .invalid-feedback")).getText()).contains("1到10年");
		assertThat(new Select(b.driver.findElement(By.id("kind"))).getFirstSelectedOption().getText()).isEqualTo("党支部");
		assertThat(data.api.get("/api/organizations/" + town + "/children").json().size()).isZero();

		String name = "新增测试村党支部" + data.suffix;
		b.driver.findElement(By.id("name")).sendKeys(name);
		WebElement years = b.driver.findElement(By.id("termYears"));
		years.clear();
		years.sendKeys("3");
		b.click(By.id("save-button"));

		b.wait.until(ExpectedConditions.textToBe(By.id("org-name"), name));
		assertThat(b.driver.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("已保存");
		assertThat(b.driver.findElement(By.cssSelector(".breadcrumb")).getText()).contains("新增测试镇" + data.suffix);
		var children = data.api.get("/api/organizations/" + town + "/children").json();
		assertThat(children.size()).isEqualTo(1);
		assertThat(children.get(0).get("kind").asText()).isEqualTo("BRANCH");
	}

	@Test
	void anEditBasedOnAStaleVersionShowsTheConflictAndKeepsWhatWasTyped() {
		String town = data.org("编辑测试镇", "COMMITTEE", "RURAL", data.root);
		b.open("/organizations/" + town + "/edit");
		WebElement name = b.find(By.id("name"));
		// someone else saves first
		Api.Response other = data.api.patch("/api/organizations/" + town, Map.of("name", "他人改名镇" + data.suffix));
		assertThat(other.status()).isEqualTo(200);

		name.clear();
		name.sendKeys("我的改名镇" + data.suffix);
		b.click(By.id("save-button"));

		assertThat(b.find(By.id("conflict-alert")).getText()).contains("已被他人修改");
		assertThat(b.driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo("我的改名镇" + data.suffix);
		assertThat(data.api.get("/api/organizations/" + town).text("name")).isEqualTo("他人改名镇" + data.suffix);

		b.click(By.linkText("重新载入最新内容"));
		b.wait.until(ExpectedConditions.attributeToBe(By.id("name"), "value", "他人改名镇" + data.suffix));
		WebElement reloaded = b.driver.findElement(By.id("name"));
		reloaded.clear();
		reloaded.sendKeys("我的改名镇" + data.suffix);
		b.click(By.id("save-button"));
		b.wait.until(ExpectedConditions.textToBe(By.id("org-name"), "我的改名镇" + data.suffix));
	}

	@Test
	void aMoveIsMadeFromTheListOfPossibleParentsAndARefusalShowsItsReason() {
		String from = data.org("移出测试镇", "COMMITTEE", "RURAL", data.root);
		String to = data.org("移入测试镇", "COMMITTEE", "RURAL", data.root);
		String inner = data.org("下属测试党委", "COMMITTEE", "RURAL", from);
		String branch = data.org("移动测试村党支部", "BRANCH", "RURAL", from);

		// the page offers no parent inside the moving subtree; a forged one is refused with the rule's reason
		b.open("/organizations/" + from + "/move");
		Select parent = new Select(b.find(By.id("parentId")));
		assertThat(parent.getOptions()).noneMatch(o -> inner.equals(o.getDomAttribute("value")));
		b.js("var o = document.createElement('option'); o.value = arguments[1]; o.text = 'x'; arguments[0].add(o);"
				+ " arguments[0].value = arguments[1];", b.driver.findElement(By.id("parentId")), inner);
		b.click(By.id("move-button"));
		assertThat(b.find(By.id("move-refusal")).getText()).contains("不能把党组织移动到其自身或其下级组织之下");
		assertThat(data.api.get("/api/organizations/" + from).text("parentId")).isEqualTo(data.root);

		b.open("/organizations/" + branch + "/move");
		new Select(b.find(By.id("parentId"))).selectByValue(to);
		b.click(By.id("move-button"));
		b.wait.until(ExpectedConditions.urlMatches("/organizations/" + branch + "$"));
		assertThat(b.find(By.cssSelector(".alert-success")).getText()).isEqualTo("已移动");
		assertThat(b.driver.findElement(By.cssSelector(".breadcrumb")).getText()).contains("移入测试镇" + data.suffix);
		assertThat(data.api.get("/api/organizations/" + branch).text("parentId")).isEqualTo(to);
	}
}
