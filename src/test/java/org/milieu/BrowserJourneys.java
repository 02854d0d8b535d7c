package org.milieu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey shares: the running application on a random port, a headless Debian
 * Chromium (the tests are skipped with a message when it is missing, and fail on CI), signing in,
 * axe-core's WCAG 2.1 AA check, the tablet-width check, and a screenshot under target/screenshots
 * when a journey fails.
 * <p>
 * Starting Chromium costs seconds, so one Chromium serves every journey of the test run; each
 * journey starts as on a fresh browser all the same: in a new tab (the old tabs, and with them any
 * virtual authenticator, are closed), with no cookie or stored data of the application's origin, and
 * at the journey's window size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserJourneys {

	private static final Logger log = LoggerFactory.getLogger(BrowserJourneys.class);

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	protected int port;

	protected WebDriver browser;

	protected WebDriverWait wait;

	/** The window the journeys start in, as Chromium's {@code --window-size}; a desktop by default. */
	protected String windowSize() {
		return "1280,900";
	}

	@BeforeEach
	void openBrowser() throws Exception {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present) {
			String message = "Browser tests need /usr/bin/chromium and /usr/bin/chromedriver "
					+ "(apt-get install chromium chromium-driver)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + "; on CI they are required");
			}
			log.warn("SKIPPED browser tests: {}", message);
			Assumptions.abort(message);
		}
		browser = freshBrowser();
		String[] size = windowSize().split(",");
		browser.manage().window().setSize(new Dimension(Integer.parseInt(size[0].trim()), Integer.parseInt(size[1].trim())));
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	/** The run's Chromium, started on first use, and quit when the test run's JVM ends. */
	private static ChromeDriver chromium;

	/**
	 * The shared Chromium as a fresh one: a new tab alone, no cookies, no data stored for the
	 * application's origin. A Chromium that no longer answers is replaced.
	 */
	private WebDriver freshBrowser() throws Exception {
		synchronized (BrowserJourneys.class) {
			if (chromium != null && !answers(chromium)) {
				quit(chromium);
				chromium = null;
			}
			if (chromium == null) {
				chromium = startChromium();
				ChromeDriver started = chromium;
				Runtime.getRuntime().addShutdownHook(new Thread(() -> quit(started), "quit-chromium"));
				return chromium;
			}
			try {
				chromium.switchTo().alert().dismiss();
			}
			catch (NoAlertPresentException none) {
				// the usual case
			}
			String fresh = chromium.switchTo().newWindow(WindowType.TAB).getWindowHandle();
			for (String tab : chromium.getWindowHandles()) {
				if (!tab.equals(fresh)) {
					chromium.switchTo().window(tab).close();
				}
			}
			chromium.switchTo().window(fresh);
			chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			chromium.executeCdpCommand("Storage.clearDataForOrigin",
					Map.of("origin", "http://localhost:" + port, "storageTypes", "all"));
			return chromium;
		}
	}

	private static ChromeDriver startChromium() throws Exception {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--lang=en-US", "--window-size=1280,900",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort().build();
		return new ChromeDriver(service, options);
	}

	private static boolean answers(WebDriver driver) {
		try {
			return !driver.getWindowHandles().isEmpty();
		}
		catch (WebDriverException gone) {
			return false;
		}
	}

	private static void quit(WebDriver driver) {
		try {
			driver.quit();
		}
		catch (WebDriverException alreadyGone) {
			log.debug("Chromium was already gone: {}", alreadyGone.getMessage());
		}
	}

	/** Runs the steps; when one fails, keeps a screenshot of the page it failed on. */
	protected void journey(TestInfo test, Runnable steps) {
		try {
			steps.run();
		}
		catch (RuntimeException | AssertionError failure) {
			try {
				Path dir = Files.createDirectories(Path.of("target", "screenshots"));
				Path shot = dir.resolve(test.getTestMethod().map(m -> m.getName()).orElse("journey") + ".png");
				Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
				log.error("Browser journey failed at {}; screenshot {}", browser.getCurrentUrl(), shot.toAbsolutePath());
			}
			catch (Exception screenshotFailure) {
				failure.addSuppressed(screenshotFailure);
			}
			throw failure;
		}
	}

	protected void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	/** Signs in on the open sign-in page with the demo password. */
	protected void signIn(String username) {
		signIn(username, "milieu-demo");
	}

	protected void signIn(String username, String password) {
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login(\\?.*)?$")));
	}

	/**
	 * Clicks what loads another page (a link, a form's button) and waits until the page it leaves is
	 * gone: what is read next comes from the new page, never from the old one (an id both pages have
	 * would otherwise find the old element, gone stale or with the old text).
	 */
	protected void clickToNewPage(org.openqa.selenium.WebElement target) {
		org.openqa.selenium.WebElement leaving = browser.findElement(By.tagName("html"));
		target.click();
		wait.until(ExpectedConditions.stalenessOf(leaving));
	}

	/** Signs out with the header's button and waits for the signed-out page, so the next sign-in starts a new session. */
	protected void signOut() {
		browser.findElement(By.cssSelector("form.sign-out button")).click();
		wait.until(ExpectedConditions.urlContains("signedOut"));
	}

	/**
	 * Follows a link of the main menu as a person would: opens the menu (on a narrow screen) and the
	 * group the link stands in, then clicks it.
	 */
	protected void followMenu(String href) {
		org.openqa.selenium.WebElement link = browser.findElement(By.cssSelector("#site-nav a[href='" + href + "']"));
		org.openqa.selenium.WebElement toggle = browser.findElement(By.cssSelector(".nav-toggle"));
		if (toggle.isDisplayed() && !"true".equals(toggle.getAttribute("aria-expanded"))) {
			toggle.click();
		}
		if (!link.isDisplayed()) {
			link.findElement(By.xpath("ancestor::details[1]/summary")).click();
		}
		wait.until(ExpectedConditions.elementToBeClickable(link)).click();
	}

	protected String heading() {
		return browser.findElement(By.tagName("h1")).getText();
	}

	/** axe-core's script, read once. */
	private static final String AXE = axeScript();

	private static String axeScript() {
		try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException | NullPointerException ex) {
			throw new IllegalStateException("axe-core's script is missing from the class path", ex);
		}
	}

	/** Loads axe-core into the page, unless an earlier check of the same page did. */
	private static void loadAxe(WebDriver driver) {
		JavascriptExecutor page = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object' && typeof window.axe.run === 'function';"))) {
			page.executeScript(AXE);
		}
	}

	/** The page needs no sideways scrolling at the window's width; a failure names the elements that stick out. */
	protected void assertFitsTheTablet(String page) {
		long overflow = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		Object wide = overflow <= 0 ? "" : ((JavascriptExecutor) browser).executeScript("""
				const width = document.documentElement.clientWidth;
				return Array.from(document.querySelectorAll('body *'))
				  .filter(e => e.getBoundingClientRect().right > width + 0.5)
				  .slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' right='
				    + Math.round(e.getBoundingClientRect().right)).join('; ');""");
		assertThat(overflow).as("horizontal scrolling on " + page + " at 768 px: " + wide).isLessThanOrEqualTo(0);
	}

	/**
	 * axe-core finds no WCAG 2.1 AA violation on the page as it is now. In axe's legacy mode, which
	 * runs the whole check in the page: the default gathers each frame's part and then opens a blank
	 * tab to combine them, loading axe a second time, which only pages with cross-origin frames need
	 * (Milieu's pages have no frames). axe is loaded into a page once (its script is half a megabyte),
	 * and a later check of the same page, after an htmx swap or at another width, runs it again.
	 */
	protected void assertAccessible(String page) {
		AxeBuilder axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).setLegacyMode(true);
		axe.setInjectAxe(BrowserJourneys::loadAxe, false);
		List<Rule> violations = axe.analyze(browser).getViolations();
		assertThat(violations).as("axe-core WCAG 2.1 AA violations on %s: %s", page,
				violations.stream()
					.map(v -> v.getId() + " (" + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
						.collect(Collectors.joining(", ")) + ")")
					.collect(Collectors.joining("; ")))
			.isEmpty();
	}
}
