package org.milieu.work.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work of the day and the reports in real Chromium at tablet size: staff verify the demo
 * coordinator's mark and mark one person's work of a day of last week; the reports; the director's
 * caps form. axe-core checks each page at WCAG 2.1 AA.
 */
class WorkCompletionBrowserTests extends BrowserJourneys {

	@Autowired
	JdbcClient jdbc;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void staffVerifyAndMarkTheWorkOfTheDayAndReadTheReports(TestInfo test) {
		// the day of the demo coordinator's mark waiting for verification (none when this week has no past day yet)
		LocalDate waitingDay = jdbc.sql("select occurs_on from work_completion where verified_at is null order by marked_at limit 1")
			.query(LocalDate.class).optional().orElse(null);
		journey(test, () -> {
			open("/login");
			signIn("staff");
			open("/work/verification" + (waitingDay == null ? "" : "?date=" + waitingDay));
			assertAccessible("/work/verification");
			assertFitsTheTablet("/work/verification");
			List<WebElement> waiting = browser.findElements(By.cssSelector("#waiting form button"));
			if (waitingDay != null) {
				assertThat(waiting).isNotEmpty();
				waiting.get(0).click();
				wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.alert-info"),
						"The work is verified and the stipend earned."));
				assertAccessible("/work/verification after verifying");
			}
			List<WebElement> forms = browser.findElements(By.cssSelector("#occurrences form"));
			if (forms.isEmpty()) {
				clickToNewPage(browser.findElement(By.id("previous-day")));
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("occurrences")));
				forms = browser.findElements(By.cssSelector("#occurrences form"));
			}
			if (!forms.isEmpty()) {
				WebElement form = forms.get(0);
				form.findElement(By.cssSelector("input[name='quality']")).sendKeys("9");
				form.findElement(By.cssSelector("button[type=submit]")).click();
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("completion-problem")));
				assertThat(browser.findElement(By.id("completion-problem")).getText()).isEqualTo("Quality is rated from 1 to 5.");
				assertAccessible("/work/verification with a refusal");
			}

			open("/work/reports");
			assertThat(browser.findElement(By.id("table-people")).getText()).contains("Bayview House");
			assertAccessible("/work/reports");
			assertFitsTheTablet("/work/reports");
		});
	}

	@Test
	void theDirectorSeesTheCapsForm(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("director");
			open("/work/stipends");
			assertThat(browser.findElements(By.id("caps"))).isNotEmpty();
			assertAccessible("/work/stipends as the director, with the caps form");
			assertFitsTheTablet("/work/stipends as the director");
		});
	}
}
