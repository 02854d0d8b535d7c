package org.milieu.levels.web;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The point sheet in real Chromium at tablet size, by keyboard alone: a staff member goes from the
 * level board to their house's sheet for the shift under way and rates two residents, each choice
 * saved as it is made. axe-core checks the page at WCAG 2.1 AA.
 */
class PointSheetBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	private static final String PASSWORD = "sheet pen clip 4 amber";

	@Autowired
	Accounts accounts;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	CareRelationships care;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffRateTheirHouseByKeyboardAndEachChoiceIsSaved(TestInfo test) {
		ProgramId program = new ProgramId(accounts.findByUsername("director").orElseThrow().programId());
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String houseName = "Alder " + unique;
		UUID house = houses.found(program, new HouseDetails(houseName, HouseKind.MIXED, null), 2).id();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		admissions.admit(program, first, new NewAdmission("Mina", "Abernathy", null, LocalDate.of(1992, 3, 3),
				houses.beds(program, house).get(0).id(), LocalDate.of(2026, 9, 1)));
		admissions.admit(program, second, new NewAdmission("Otto", "Brandt", null, LocalDate.of(1988, 8, 8),
				houses.beds(program, house).get(1).id(), LocalDate.of(2026, 9, 1)));
		String staff = "sheet-staff-" + unique;
		care.assignHouses(accounts.open(new NewAccount(program, staff, "Lee Ortega", PASSWORD, Set.of(Role.STAFF), null))
			.id(), List.of(house));

		journey(test, () -> {
			browser.manage().window().setSize(new Dimension(768, 1024));
			open("/login");
			signIn(staff, PASSWORD);
			open("/levels");
			browser.findElement(By.linkText("Point sheet of " + houseName)).click();
			wait.until(ExpectedConditions.urlContains("/point-sheet"));
			assertThat(heading()).startsWith("Point sheet: " + houseName);
			assertAccessible("the point sheet, nobody rated");
			assertFitsTheTablet("the point sheet");

			// safety first, by arrow key: "No: safe this shift"; then Tab to each next domain and type its score
			WebElement safety = browser.findElement(By.id("rate-" + first + "-SAFETY"));
			safety.sendKeys(Keys.ARROW_DOWN);
			waitSaved(first, "SAFETY");
			new Actions(browser).sendKeys(Keys.TAB).sendKeys("3").perform();
			waitSaved(first, "ORIENTATION");
			new Actions(browser).sendKeys(Keys.TAB).sendKeys("4").perform();
			waitSaved(first, "HYGIENE");
			browser.findElement(By.id("rate-" + second + "-SAFETY")).sendKeys(Keys.ARROW_DOWN);
			waitSaved(second, "SAFETY");
			new Actions(browser).sendKeys(Keys.TAB).sendKeys("2").perform();
			waitSaved(second, "ORIENTATION");
			// the safety question's note, typed and left with Tab, is saved with the safety rating
			browser.findElement(By.id("note-" + second)).sendKeys("Quiet evening, no concerns.", Keys.TAB);
			wait.until(d -> "Quiet evening, no concerns.".equals(jdbc.sql("select note from levels_shift_rating "
					+ "where resident_id = ? and domain = 'SAFETY' and superseded_by is null").param(second)
				.query(String.class).optional().orElse(null)));
			assertAccessible("the point sheet, partly rated");

			assertThat(value(first, "SAFETY")).isEqualTo(1);
			assertThat(value(first, "ORIENTATION")).isEqualTo(3);
			assertThat(value(first, "HYGIENE")).isEqualTo(4);
			assertThat(value(second, "ORIENTATION")).isEqualTo(2);
			assertThat(jdbc.sql("select count(*) from levels_rating_sheet where house_id = ?").param(house)
				.query(Integer.class).single()).as("one sheet for the house and shift").isEqualTo(1);

			// the ratings are there when the sheet is opened again
			browser.navigate().refresh();
			assertThat(browser.findElement(By.cssSelector("#rate-" + first + "-HYGIENE option:checked")).getText())
				.isEqualTo("4 excellent");
		});
	}

	private void waitSaved(UUID resident, String domain) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved-" + resident + "-" + domain), "Saved"));
	}

	private int value(UUID resident, String domain) {
		return jdbc.sql("select value from levels_shift_rating where resident_id = ? and domain = ? and superseded_by is null")
			.params(resident, domain).query(Integer.class).single();
	}

}
