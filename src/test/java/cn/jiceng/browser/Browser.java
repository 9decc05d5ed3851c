package cn.jiceng.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through the locally installed chromedriver, so Selenium Manager never downloads
 * anything. Each instance has its own throw-away profile.
 */
final class Browser implements AutoCloseable {

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";
	static final String CHROMIUM = "/usr/bin/chromium";
	static final Dimension DESKTOP = new Dimension(1280, 900);
	static final Dimension PHONE = new Dimension(390, 844);

	final ChromeDriver driver;
	final WebDriverWait wait;
	private final String base;
	private final Path profile;

	Browser(int port, Dimension size) {
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		try {
			this.profile = Files.createTempDirectory("jiceng-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--hide-scrollbars", "--lang=zh-CN",
				"--window-size=" + size.getWidth() + "," + size.getHeight(), "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
		// a condition checked while the next page replaces the current one sees stale elements: just look again
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		this.wait.ignoring(StaleElementReferenceException.class);
		this.base = "http://localhost:" + port;
	}

	void open(String path) {
		driver.get(base + path);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
	}

	void login(String username, String password) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-button")).click();
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
	}

	WebElement find(By by) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/**
	 * Bootstrap turns on smooth scrolling, and a click sent while the page is still gliding towards the element
	 * lands elsewhere; so scroll there at once, then click.
	 */
	void click(By by) {
		WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
		js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	/** The same for an element already found (a button inside one of several forms). */
	void click(WebElement element) {
		js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	/** Date inputs take keyboard input in the browser's locale order, so their value is set directly. */
	void setDate(By by, String isoDate) {
		WebElement input = driver.findElement(by);
		((JavascriptExecutor) driver).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, isoDate);
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/** True when the page is wider than the window, i.e. the user would have to scroll sideways. */
	boolean overflowsHorizontally() {
		Number scroll = (Number) js("return document.documentElement.scrollWidth");
		Number inner = (Number) js("return window.innerWidth");
		return scroll.intValue() > inner.intValue();
	}

	void resize(Dimension size) {
		driver.manage().window().setSize(size);
	}

	/** The whole page, not only the visible part, as a PNG under target/screenshots. */
	Path screenshot(String name) {
		try {
			Number width = (Number) js("return window.innerWidth");
			Number height = (Number) js("return document.documentElement.scrollHeight");
			Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width.intValue(),
							"height", Math.min(6000, height.intValue()), "scale", 1)));
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException e) {
				// a leftover temp profile is harmless
			}
		}
	}
}
