package org.milieu.screening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A drug screen's whole journey in real Chromium at tablet size: staff record a positive screen
 * (after the form has caught a missing result), and the resident's clinician finds the follow-up
 * on their home page and closes it. axe-core checks every page at WCAG 2.1 AA.
 */
class DrugScreenBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	private static final String PASSWORD = "cup lid seal 7 amber";

	@Autowired
	Accounts accounts;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	CareRelationships care;

	@Test
	void staffRecordAPositiveScreenAndTheClinicianFollowsItUp(TestInfo test) {
		ProgramId program = new ProgramId(accounts.findByUsername("director").orElseThrow().programId());
		String unique = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program, new HouseDetails("Cedar " + unique, HouseKind.MIXED, null), 1).id();
		UUID resident = UUID.randomUUID();
		admissions.admit(program, resident, new NewAdmission("Robin", "Achterberg", null, LocalDate.of(1991, 7, 7),
				houses.beds(program, house).get(0).id(), LocalDate.of(2026, 1, 5)));
		String staff = "cup-staff-" + unique;
		String clinician = "cup-clin-" + unique;
		care.assignHouses(accounts.open(new NewAccount(program, staff, "Noor Castillo", PASSWORD, Set.of(Role.STAFF), null))
			.id(), List.of(house));
		care.assignHouses(accounts.open(new NewAccount(program, clinician, "Ada Whitlock", PASSWORD, Set.of(Role.CLINICIAN),
				null)).id(), List.of(house));

		journey(test, () -> {
			browser.manage().window().setSize(new Dimension(768, 1024));
			open("/login");
			signIn(staff, PASSWORD);
			open("/residents/" + resident + "/drug-screens");
			assertThat(heading()).isEqualTo("Drug screens: Robin Achterberg");
			assertAccessible("a resident's screens, none yet");
			browser.findElement(By.id("record-screen")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("screen-form")));
			new Select(browser.findElement(By.id("panel-choice"))).selectByValue("FIVE_PANEL");
			clickToNewPage(browser.findElement(By.cssSelector("#panel-chooser button[type=submit]")));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-PCP")));
			assertThat(browser.findElements(By.cssSelector("#results select"))).hasSize(5);
			assertAccessible("the recording form");
			assertFitsTheTablet("the recording form");

			browser.findElement(By.id("observed-yes")).click();
			browser.findElement(By.id("chainOfCustodyId")).sendKeys("CUP-" + unique);
			for (String substance : List.of("AMPHETAMINES", "COCAINE", "OPIATES", "PCP")) {
				new Select(browser.findElement(By.id("result-" + substance))).selectByValue("NEGATIVE");
			}
			browser.findElement(By.cssSelector("#screen-form button[type=submit].primary")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results-error")));
			assertThat(browser.findElement(By.id("results-error")).getText())
				.isEqualTo("Choose a result for each substance of the panel, or mark the screen as refused.");
			assertAccessible("the recording form with an error");

			new Select(browser.findElement(By.id("result-CANNABIS"))).selectByValue("POSITIVE");
			browser.findElement(By.cssSelector("#screen-form button[type=submit].primary")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("screens")));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("The drug screen is recorded.");
			assertThat(browser.findElement(By.cssSelector("ol.screen-trend")).getText()).contains("Positive");
			assertAccessible("a resident's screens with a positive");

			signOut();
			signIn(clinician, PASSWORD);
			browser.findElement(By.linkText("1 drug-screen follow-up open")).click();
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Drug-screen follow-ups"));
			assertThat(browser.findElement(By.id("follow-ups")).getText()).contains("Robin Achterberg").contains("Cannabis");
			assertAccessible("the follow-up list");
			assertFitsTheTablet("the follow-up list");

			browser.findElement(By.cssSelector(".close-follow-up textarea")).sendKeys("Met with Robin; plan revised.");
			browser.findElement(By.cssSelector(".close-follow-up button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-follow-ups")));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("The follow-up is closed.");
			assertAccessible("the follow-up list, all done");
		});
	}

}
