package org.milieu.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Calendar feeds in real Chromium at tablet width, in English and in Spanish: a staff member reaches
 * the page from their account, makes a feed of a house, sees its link once and revokes it; a
 * resident makes a feed of their own sessions in Spanish. axe-core checks every screen at WCAG 2.1 AA.
 */
class CalendarFeedBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void aStaffMemberMakesAHouseFeedCopiesItsLinkAndRevokesIt(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("staff");
			open("/account");
			browser.findElement(By.cssSelector("a[href='/me/calendar-feeds']")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feeds-heading")));
			assertThat(heading()).isEqualTo("Calendar feeds");
			assertAccessible("the calendar feeds page");
			assertFitsTheTablet("the calendar feeds page");

			browser.findElement(By.id("create-house")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issued-link")));
			String link = browser.findElement(By.id("issued-link")).getAttribute("value");
			assertThat(link).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");
			browser.findElement(By.cssSelector("button[data-copy='issued-link']")).click();
			assertThat(browser.findElement(By.id("feeds-table")).getText()).contains("Sessions of Bayview");
			assertAccessible("the calendar feeds page with a new link");
			assertFitsTheTablet("the calendar feeds page with a new link");

			int working = browser.findElements(By.cssSelector("#feeds-table form button")).size();
			browser.findElement(By.cssSelector("#feeds-table tbody tr:first-child form button")).click();
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("issued-link")));
			assertThat(browser.findElement(By.cssSelector("p.alert-info")).getText())
				.isEqualTo("The feed is revoked: its link no longer works.");
			assertThat(browser.findElements(By.cssSelector("#feeds-table form button"))).hasSize(working - 1);
			assertAccessible("the calendar feeds page after a revocation");
		});
	}

	@Test
	void aResidentMakesAFeedOfTheirOwnSessionsInSpanish(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("resident03");
			open("/me/calendar-feeds?lang=es");
			assertThat(heading()).isEqualTo("Calendarios suscritos");
			assertThat(browser.findElements(By.id("create-house"))).isEmpty();
			assertAccessible("the calendar feeds page in Spanish");
			assertFitsTheTablet("the calendar feeds page in Spanish");

			browser.findElement(By.id("create-resident")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issued-link")));
			assertThat(browser.findElement(By.id("issued")).getText()).contains("solo se muestra esta vez");
			assertThat(browser.findElement(By.id("feeds-table")).getText()).contains("Mis sesiones", "Activo");
			assertAccessible("the calendar feeds page with a new link in Spanish");
			assertFitsTheTablet("the calendar feeds page with a new link in Spanish");
		});
	}
}
