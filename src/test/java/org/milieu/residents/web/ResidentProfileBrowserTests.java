package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
import org.milieu.residents.Admissions;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.openqa.selenium.By;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The director's journey through a resident's record in real Chromium: the profile's tabs, the
 * discharge form with a mistake and then without, and the read-only record afterwards; axe-core
 * checks every page at WCAG 2.1 AA, the drug-screen and whereabouts tabs both empty and with
 * records. A failing journey leaves a screenshot under target/screenshots.
 */
class ResidentProfileBrowserTests extends BrowserJourneys {

	@Autowired
	Accounts accounts;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDirectorReadsTheRecordTabByTabAndDischargesWithAnAftercarePlan(TestInfo test) {
		ProgramId program = new ProgramId(accounts.findByUsername("director").orElseThrow().programId());
		UUID house = houses.found(program,
				new HouseDetails("Journey " + UUID.randomUUID().toString().substring(0, 8), HouseKind.MIXED, null), 2).id();
		UUID resident = UUID.randomUUID();
		admissions.admit(program, resident, new NewAdmission("Jordan", "Journey", "Jo", LocalDate.of(1990, 7, 4),
				houses.beds(program, house).get(0).id(), LocalDate.of(2026, 2, 2),
				new NewAdmission.Details("they/them", "English", "555-0177", "Sam Journey", "555-0178", "Self", "Grant", 180)));
		journey(test, () -> {
			open("/login");
			signIn("director");
			open("/residents/" + resident);
			assertThat(heading()).startsWith("Jo Journey");
			assertThat(current()).isEqualTo("Overview");
			assertAccessible("profile overview");

			tab("Stays");
			assertThat(browser.findElement(By.id("stays-heading")).getText()).isEqualTo("Stays, newest first");
			assertAccessible("profile stays");

			tab("Level");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Level of responsibility");
			assertAccessible("profile level");

			tab("Drug screens");
			assertThat(browser.findElement(By.id("screens-heading")).getText()).isEqualTo("Drug screens, latest first");
			assertAccessible("profile drug screens, none yet");

			tab("Whereabouts");
			assertThat(browser.findElement(By.id("sign-out")).getText()).isEqualTo("Sign out");
			assertAccessible("profile whereabouts, in the house");

			// a demo resident with screens and passes on record, so the tabs' tables are checked too
			open("/residents/" + demoResidentWithScreensAndPasses() + "?tab=screens");
			assertThat(browser.findElements(By.cssSelector("#profile-screens .outcome-badge"))).isNotEmpty();
			assertAccessible("profile drug screens with screens");
			tab("Whereabouts");
			assertThat(browser.findElements(By.cssSelector("#profile-passes tbody tr"))).isNotEmpty();
			assertAccessible("profile whereabouts with passes");
			open("/residents/" + resident);

			browser.findElement(By.linkText("Discharge")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dischargedOn")));
			assertAccessible("discharge form");
			new Select(browser.findElement(By.id("type"))).selectByValue("COMPLETED");
			setDate("2026-01-15");
			browser.findElement(By.id("livingArrangement")).sendKeys("Oak Lane recovery residence");
			browser.findElement(By.id("relapsePrevention")).sendKeys("Call the sponsor; go to a meeting the same day.");
			browser.findElement(By.cssSelector("button[type=submit].primary")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dischargedOn-error")));
			assertThat(browser.findElement(By.id("dischargedOn-error")).getText())
				.isEqualTo("The discharge date cannot be before the admission on 2026-02-02.");
			assertThat(browser.findElement(By.id("dischargedOn")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(browser.findElement(By.id("livingArrangement")).getAttribute("value")).isEqualTo("Oak Lane recovery residence");
			assertAccessible("discharge form with a mistake");

			setDate("2026-03-20");
			browser.findElement(By.cssSelector("button[type=submit].primary")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("read-only")));
			assertThat(browser.getCurrentUrl()).endsWith("/residents/" + resident);
			assertThat(browser.findElement(By.id("discharge-summary")).getText()).isEqualTo("Discharge summary (PDF)");
			assertThat(browser.findElements(By.linkText("Discharge"))).isEmpty();
			assertAccessible("read-only record");

			tab("Stays");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Oak Lane recovery residence",
					"Completed the program");
			assertAccessible("stays after discharge");

			open("/residents/discharged");
			browser.findElement(By.linkText("Jo Journey")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("read-only")));
			open("/residents/discharged");
			assertAccessible("discharged residents");
		});
	}

	private UUID demoResidentWithScreensAndPasses() {
		return jdbc.sql("""
				select p.resident_id from residents_pass p
				  join residents_stay s on s.resident_id = p.resident_id and s.discharged_on is null
				 where exists (select 1 from screening_drug_screen d where d.resident_id = p.resident_id)
				 order by p.resident_id limit 1""").query(UUID.class).single();
	}

	private void tab(String name) {
		browser.findElement(By.cssSelector("nav.tabs")).findElement(By.linkText(name)).click();
		wait.until(d -> name.equals(current()));
	}

	private String current() {
		return browser.findElement(By.cssSelector("nav.tabs a[aria-current=page]")).getText();
	}

	private void setDate(String iso) {
		// a date input's typing order depends on the browser's locale; set the value as a person's picker would
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
				browser.findElement(By.id("dischargedOn")), iso);
	}

}
