package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.milieu.BrowserJourneys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.milieu.identity.Accounts;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.identity.SecondFactorCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whole journeys through the web shell in real Chromium, with axe-core checking every page at
 * WCAG 2.1 AA. A failing journey leaves a screenshot under target/screenshots.
 */
class ShellBrowserTests extends BrowserJourneys {

	@Autowired
	Accounts accounts;

	/** The server's clock, for the codes the test's authenticator shows. */
	@Autowired
	java.time.Clock clock;

	@Test
	void theDirectorSignsInSwitchesToSpanishAndSignsOut(TestInfo test) {
		journey(test, () -> {
			open("/login");
			assertThat(browser.getTitle()).isEqualTo("Sign in · Milieu");
			assertAccessible("sign-in page");

			signIn("director");
			assertThat(heading()).isEqualTo("Welcome, Dana Whitfield");
			assertThat(browser.getTitle()).isEqualTo("Home · Milieu");
			assertAccessible("home page");

			browser.findElement(By.cssSelector("a[hreflang='es']")).click();
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Bienvenido, Dana Whitfield"));
			assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
			assertAccessible("home page in Spanish");

			browser.findElement(By.cssSelector("form.sign-out button")).click();
			wait.until(ExpectedConditions.urlContains("/login"));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Ha cerrado la sesión.");
			open("/");
			wait.until(ExpectedConditions.urlContains("/login"));
		});
	}

	@Test
	void everyStaffPageIsAccessibleAndFitsATablet(TestInfo test) {
		journey(test, () -> {
			browser.manage().window().setSize(new Dimension(768, 1024));
			open("/login");
			signIn("director");
			for (String page : List.of("/", "/residents", "/levels", "/houses", "/houses/new", "/staffing", "/staffing/roster",
					"/staffing/history", "/staffing/settings")) {
				open(page);
				assertAccessible(page);
				assertFitsTheTablet(page);
			}
			// a house's rooms and beds, reached from the house list; a label the house already uses is refused
			open("/houses");
			browser.findElement(By.cssSelector("a[aria-label='Rooms and beds of Bayview House']")).click();
			wait.until(ExpectedConditions.urlMatches(".*/houses/[0-9a-f-]+/beds$"));
			assertThat(heading()).isEqualTo("Rooms and beds of Bayview House");
			assertAccessible("rooms and beds");
			long bedsOverflow = (Long) ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(bedsOverflow).as("horizontal scrolling on rooms and beds at 768 px").isLessThanOrEqualTo(0);
			browser.findElement(By.id("room")).sendKeys("1");
			browser.findElement(By.id("label")).sendKeys("1");
			browser.findElement(By.cssSelector("form.stacked button[type=submit].primary")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("label-error")));
			assertThat(browser.findElement(By.id("label")).getAttribute("aria-invalid")).isEqualTo("true");
			assertAccessible("rooms and beds with a refused label");
			open("/houses/new");
			browser.findElement(By.id("beds")).clear();
			browser.findElement(By.id("beds")).sendKeys("999");
			browser.findElement(By.cssSelector("button[type=submit].primary")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
			assertThat(browser.findElement(By.id("name-error")).getText()).isEqualTo("must not be blank");
			assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
			assertAccessible("house form with errors");
			open("/no-such-page");
			assertThat(heading()).isEqualTo("Page not found");
			assertAccessible("404 page");
		});
	}

	@Test
	void aNightStaffMemberChecksInOnATabletAndLeavesAHandOffNote(TestInfo test) {
		journey(test, () -> {
			browser.manage().window().setSize(new Dimension(768, 1024));
			open("/login");
			signIn("staff2");
			open("/staffing");
			if (!browser.findElements(By.xpath("//button[normalize-space()='Check out']")).isEmpty()) {
				browser.findElement(By.xpath("//button[normalize-space()='Check out']")).click();
				wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "checked out"));
			}
			assertAccessible("shift board, checked out");
			browser.findElement(By.xpath("//button[normalize-space()='Check in']")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".check-card"),
					"You are checked in at Linden House"));
			browser.findElement(By.id("note-body")).sendKeys("Resident asked for a wake-up call at 06:00.");
			browser.findElement(By.xpath("//button[normalize-space()='Leave note']")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handoff"), "wake-up call at 06:00"));
			assertAccessible("shift board with a new note");
			browser.findElement(By.xpath("//button[normalize-space()='Leave note']")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-body-error")));
			assertThat(browser.findElement(By.id("note-body")).getAttribute("aria-invalid")).isEqualTo("true");
			assertAccessible("shift board with an empty note refused");
		});
	}

	@Test
	void theKeyboardAloneSignsInAndSkipsToTheContent(TestInfo test) {
		journey(test, () -> {
			open("/login");
			WebElement username = browser.switchTo().activeElement();
			assertThat(username.getAttribute("id")).as("sign-in starts in the user name field").isEqualTo("username");
			new Actions(browser).sendKeys("staff").sendKeys(Keys.TAB).sendKeys("milieu-demo").sendKeys(Keys.ENTER).perform();
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Welcome, Luis Ferreira"));

			new Actions(browser).sendKeys(Keys.TAB).perform();
			WebElement first = browser.switchTo().activeElement();
			assertThat(first.getText()).isEqualTo("Skip to main content");
			assertThat(first.getCssValue("outline-style")).as("visible focus").isNotEqualTo("none");
			new Actions(browser).sendKeys(Keys.ENTER).perform();
			assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

			open("/houses/new");
			assertThat(heading()).isEqualTo("You may not open this page");
			assertAccessible("403 page");
		});
	}

	@Test
	void aResidentSeesTheirOwnStayOnAnAccessiblePage(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("resident01");
			followMenu("/me");
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Your stay, Danny Okafor"));
			assertAccessible("a resident's own stay");
			open("/residents");
			assertThat(heading()).isEqualTo("You may not open this page");
		});
	}

	@Test
	void aStaffMemberEnrolsAnAuthenticatorAndSignsInWithIt(TestInfo test) {
		String username = "totp-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		var program = new org.milieu.shared.ProgramId(accounts.findByUsername("director").orElseThrow().programId());
		accounts.open(new NewAccount(program, username, "Tess Okonjo", "tablet night shift 9", java.util.Set.of(Role.STAFF),
				null));
		journey(test, () -> {
			open("/login");
			signIn(username, "tablet night shift 9");
			open("/account");
			browser.findElement(By.linkText("Set up or check your second factor")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("secret")));
			assertAccessible("second-factor enrolment");
			String secret = browser.findElement(By.id("secret")).getText();
			java.time.Instant enrolledAt = clock.instant();
			browser.findElement(By.id("code")).sendKeys(SecondFactorCodes.code(secret, enrolledAt, 0), Keys.ENTER);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
			assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
			assertAccessible("recovery codes");

			browser.findElement(By.cssSelector("form.sign-out button")).click();
			wait.until(ExpectedConditions.urlContains("/login"));
			signIn(username, "tablet night shift 9");
			wait.until(ExpectedConditions.urlContains("/login/second-factor"));
			assertAccessible("second-factor challenge");
			browser.findElement(By.id("code")).sendKeys(SecondFactorCodes.code(secret, enrolledAt, 1), Keys.ENTER);
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Welcome, Tess Okonjo"));
		});
	}

	@Test
	void aClinicianAddsAPasskeyAndSignsInWithItAlone(TestInfo test) {
		String username = "passkey-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		var program = new org.milieu.shared.ProgramId(accounts.findByUsername("director").orElseThrow().programId());
		accounts.open(new NewAccount(program, username, "Rowan Achebe", "lantern river stone 4", java.util.Set.of(Role.CLINICIAN),
				null));
		VirtualAuthenticator device = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
		journey(test, () -> {
			open("/login");
			signIn(username, "lantern river stone 4");
			open("/account/passkeys");
			assertAccessible("passkeys");
			browser.findElement(By.id("label")).sendKeys("ward laptop");
			browser.findElement(By.cssSelector("#passkey-register button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("passkeys")));
			assertThat(browser.findElement(By.id("passkeys")).getText()).contains("ward laptop");
			assertThat(device.getCredentials()).hasSize(1);

			browser.findElement(By.cssSelector("form.sign-out button")).click();
			wait.until(ExpectedConditions.urlContains("/login"));
			WebElement passkey = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-sign-in")));
			passkey.click();
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Welcome, Rowan Achebe"));
			open("/account");
			assertThat(heading()).isEqualTo("Your account");
		});
	}

}
