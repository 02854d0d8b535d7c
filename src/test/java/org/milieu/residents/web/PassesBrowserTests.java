package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.residents.Admissions;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The night-shift journey on a tablet in real Chromium: a staff member signs a resident out on
 * the whereabouts page and, when they come back, signs them in with one touch. axe-core checks
 * every page at WCAG 2.1 AA; a failure leaves a screenshot under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PassesBrowserTests {

	private static final Logger log = LoggerFactory.getLogger(PassesBrowserTests.class);

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	CareRelationships care;

	WebDriver browser;

	WebDriverWait wait;

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
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--lang=en-US", "--window-size=768,1024",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort().build();
		browser = new ChromeDriver(service, options);
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void nightStaffSignAResidentOutAndBackInOnATablet(TestInfo test) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ProgramId program = new ProgramId(accounts.findByUsername("director").orElseThrow().programId());
		UUID house = houses.found(program, new HouseDetails("Harborview " + tag, HouseKind.MIXED, null), 2).id();
		String staff = "night-" + tag;
		UUID account = accounts.open(new NewAccount(program, staff, "Noor Haddad", "quiet harbor lamp 7", Set.of(Role.STAFF), null))
			.id();
		care.assignHouses(account, List.of(house));
		UUID resident = UUID.randomUUID();
		admissions.admit(program, resident, new NewAdmission("Rosa", "Quill" + tag, null, LocalDate.of(1991, 4, 4),
				houses.beds(program, house).get(0).id(), LocalDate.of(2026, 10, 1)));
		String name = "Rosa Quill" + tag;

		journey(test, () -> {
			browser.manage().window().setSize(new Dimension(768, 1024));
			open("/login");
			browser.findElement(By.id("username")).sendKeys(staff);
			browser.findElement(By.id("password")).sendKeys("quiet harbor lamp 7");
			browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
			wait.until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login(\\?.*)?$")));

			browser.findElement(By.linkText("Whereabouts")).click();
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Whereabouts"));
			assertAccessible("whereabouts, everyone in");
			assertNoSideways("/passes");

			browser.findElement(By.cssSelector("a[aria-label='Sign out " + name + "']")).click();
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign out " + name));
			assertAccessible("sign-out form");
			browser.findElement(By.id("destination")).sendKeys("Harbor Public Library");
			browser.findElement(By.id("purpose")).sendKeys("Job search");
			browser.findElement(By.id("companion")).sendKeys("Her sponsor");
			browser.findElement(By.cssSelector("form.pass-form button[type=submit]")).click();

			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
					name + " is signed out"));
			By card = By.cssSelector("#out-list li[data-resident='" + resident + "']");
			assertThat(browser.findElement(card).getText()).contains("Harbor Public Library", "Her sponsor");
			assertAccessible("whereabouts, one out");
			assertNoSideways("/passes with one out");
			assertThat(browser.findElement(card).findElement(By.tagName("button")).getSize().getHeight())
				.as("a touch target for the tablet").isGreaterThanOrEqualTo(44);

			browser.findElement(card).findElement(By.tagName("button")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
					name + " is signed back in"));
			assertThat(browser.findElements(card)).isEmpty();
			assertThat(browser.findElement(By.id("home-list")).getText()).contains(name);
			assertAccessible("whereabouts, back in");
		});
	}

	private void journey(TestInfo test, Runnable steps) {
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

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void assertNoSideways(String page) {
		long overflow = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow).as("horizontal scrolling on " + page + " at 768 px").isLessThanOrEqualTo(0);
	}

	private void assertAccessible(String page) {
		List<Rule> violations = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser).getViolations();
		assertThat(violations).as("axe-core WCAG 2.1 AA violations on %s: %s", page,
				violations.stream()
					.map(v -> v.getId() + " (" + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
						.collect(Collectors.joining(", ")) + ")")
					.collect(Collectors.joining("; ")))
			.isEmpty();
	}
}
