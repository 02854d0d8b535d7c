package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Level reviews in real Chromium at tablet width: the demo's two open reviews on the reviews page,
 * the evidence of the resident up for advancement with the entries behind a criterion, the team's
 * decision, the scheme, and the resident stepping down writing their self-assessment on their own
 * level page. axe-core finds no WCAG 2.1 AA violation on any of them.
 */
class LevelReviewBrowserTests extends BrowserJourneys {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	UUID openReview(String kind) {
		return jdbc.sql("select id from levels_review where kind = ? and status = 'OPEN' and opened_by in ('system', 'clinician') "
				+ "order by opened_at limit 1").param(kind).query(UUID.class).single();
	}

	@Test
	void theTeamReadsTheEvidenceAndDecides(TestInfo test) {
		UUID review = openReview("ADVANCEMENT");
		UUID resident = jdbc.sql("select resident_id from levels_review where id = ?").param(review).query(UUID.class).single();
		journey(test, () -> {
			open("/login");
			signIn("director");
			open("/levels/reviews");
			assertThat(heading()).isEqualTo("Level reviews");
			assertThat(browser.findElement(By.id("open-heading")).getText()).startsWith("Reviews due");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Advancement to level 3")
				.contains("Step down to level 2");
			assertAccessible("reviews page");
			assertFitsTheTablet("reviews page");

			open("/residents/" + resident + "/level");
			assertThat(heading()).startsWith("Level evidence: ");
			WebElement details = browser.findElement(By.cssSelector("table.criteria details"));
			details.findElement(By.tagName("summary")).click();
			wait.until(d -> !details.findElements(By.cssSelector(".entries table, .entries p")).isEmpty());
			assertAccessible("evidence page with entries open");
			assertFitsTheTablet("evidence page");

			open("/levels/reviews/" + review);
			assertThat(heading()).startsWith("Advancement review: ");
			assertAccessible("review page");
			browser.findElement(By.id("decision-ADVANCE")).click();
			browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
			assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo("Write something here.");
			browser.findElement(By.id("decision-ADVANCE")).click();
			browser.findElement(By.id("rationale")).sendKeys("Every criterion met for two weeks; the team agrees.");
			browser.findElement(By.id("workOn")).sendKeys("Take on a senior job.");
			browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
			assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("The decision is recorded.");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Advance").contains("level 3");
			assertAccessible("review page after the decision");

			open("/levels/scheme");
			assertThat(heading()).isEqualTo("Level scheme");
			assertAccessible("scheme page");

			open("/levels/scheme/edit");
			assertAccessible("scheme form");
			org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
			js.executeScript("document.getElementById('effectiveFrom').value = arguments[0];"
					+ "document.querySelector('[name=window-2-hygiene]').value = '0';",
					java.time.LocalDate.now(clock).plusDays(40).toString());
			browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
			assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("1 to 365 days");
			js.executeScript("document.getElementById('effectiveFrom').value = arguments[0];"
					+ "document.querySelector('[name=window-2-hygiene]').value = '10';",
					java.time.LocalDate.now(clock).plusDays(40).toString());
			browser.findElement(By.id("note")).sendKeys("Hygiene over ten days.");
			browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
			assertThat(browser.findElement(By.id("versions-heading")).isDisplayed()).isTrue();
			assertAccessible("scheme page with a published version");
		});
	}

	@Test
	void theResidentWritesTheirSelfAssessment(TestInfo test) {
		UUID review = openReview("STEP_DOWN");
		String username = jdbc.sql("select a.username from identity_account a join levels_review r on r.resident_id = a.resident_id "
				+ "where r.id = ?").param(review).query(String.class).single();
		journey(test, () -> {
			open("/login");
			signIn(username);
			open("/me/level");
			assertThat(heading()).isEqualTo("My level of responsibility");
			assertThat(browser.findElement(By.id("review-heading")).getText()).contains("Step down");
			assertAccessible("my level page");
			assertFitsTheTablet("my level page");
			browser.findElement(By.id("self")).sendKeys("I lost my temper; I want to make it right with my housemate.");
			browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
			assertThat(browser.findElement(By.id("self")).getText()).startsWith("I lost my temper");
			assertAccessible("my level page after saving");
		});
	}
}
