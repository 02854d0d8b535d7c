package org.milieu.work.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Work rosters in real Chromium on a tablet-sized window: a staff member proposes a week's
 * roster on the board and publishes it; a resident sees their jobs with days and times and ranks
 * the jobs they would like; the director reads the catalogue with its edit form. axe-core finds
 * no WCAG 2.1 AA violation on any of the pages, and none scrolls sideways at 768 px.
 */
class WorkRosterBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void staffProposeAndPublishAndAResidentSeesTheirJobsAndRanksPreferences(TestInfo test) {
		LocalDate week = LocalDate.of(2045, 1, 2).with(DayOfWeek.MONDAY).plusWeeks(new java.util.Random().nextInt(5_000));
		journey(test, () -> {
			open("/login");
			signIn("staff");
			open("/work/roster?week=" + week);
			assertThat(browser.findElement(By.id("roster-status")).getText()).contains("No roster yet");
			browser.findElement(By.id("propose")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish")));
			assertThat(browser.findElement(By.id("roster-status")).getText()).startsWith("Proposed");
			assertThat(browser.findElements(By.cssSelector("#roster-table tbody tr"))).isNotEmpty();
			assertAccessible("the roster board, proposed");
			assertFitsTheTablet("/work/roster");
			browser.findElement(By.id("publish")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster-status"), "Published"));
			assertThat(browser.findElements(By.id("publish"))).isEmpty();
			assertAccessible("the roster board, published");
			signOut();
			open("/login");
			signIn("resident01");
			open("/me/work");
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "My work"));
			assertThat(browser.findElements(By.cssSelector("#my-jobs li"))).as("this week's and the new week's jobs")
				.isNotEmpty();
			assertThat(browser.findElement(By.id("my-jobs")).getText()).contains("Supervisor");
			assertAccessible("my work");
			assertFitsTheTablet("/me/work");
			new Select(browser.findElement(By.id("first"))).selectByVisibleText("Dishes");
			new Select(browser.findElement(By.id("second"))).selectByVisibleText("Laundry");
			new Select(browser.findElement(By.id("third"))).selectByIndex(0);
			browser.findElement(By.id("save-preferences")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p[role=status]"),
					"Your choices are saved."));
			assertThat(new Select(browser.findElement(By.id("first"))).getFirstSelectedOption().getText()).isEqualTo("Dishes");
			assertThat(new Select(browser.findElement(By.id("second"))).getFirstSelectedOption().getText())
				.isEqualTo("Laundry");
			signOut();
			open("/login");
			signIn("director");
			open("/work/jobs");
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Jobs"));
			assertThat(browser.findElements(By.cssSelector("#jobs-table tbody tr"))).hasSizeGreaterThanOrEqualTo(12);
			assertAccessible("the job catalogue");
			assertFitsTheTablet("/work/jobs");
		});
	}
}
