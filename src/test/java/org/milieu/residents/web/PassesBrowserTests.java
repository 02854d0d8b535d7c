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
import org.milieu.BrowserJourneys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
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
class PassesBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Autowired
	Accounts accounts;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	CareRelationships care;

	@Autowired
	ResidentLevels levels;

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
		levels.assign(program, resident, Level.STABILISATION, LocalDate.of(2026, 10, 2), "director", "Passes come with level 2");
		String name = "Rosa Quill" + tag;

		journey(test, () -> {
			browser.manage().window().setSize(new Dimension(768, 1024));
			open("/login");
			browser.findElement(By.id("username")).sendKeys(staff);
			browser.findElement(By.id("password")).sendKeys("quiet harbor lamp 7");
			browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
			wait.until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login(\\?.*)?$")));

			followMenu("/passes");
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Whereabouts"));
			assertAccessible("whereabouts, everyone in");
			assertFitsTheTablet("/passes");

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
			assertFitsTheTablet("/passes with one out");
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

}
