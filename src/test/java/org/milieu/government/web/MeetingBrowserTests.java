package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The meetings page in real Chromium at tablet size: staff see this week's meetings with their
 * agenda and the form to schedule one; a resident brings an item to their house's meeting. axe-core
 * checks each page at WCAG 2.1 AA.
 */
class MeetingBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void staffSeeTheMeetingsAndTheScheduleForm(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("staff");
			followMenu("/meetings");
			wait.until(ExpectedConditions.urlMatches(".*/meetings$"));
			assertThat(heading()).isEqualTo("Community meetings");
			assertThat(browser.findElements(By.id("schedule-meeting"))).hasSize(1);
			assertThat(browser.findElements(By.cssSelector("ol.agenda li"))).isNotEmpty();
			assertAccessible("/meetings as staff");
			assertFitsTheTablet("/meetings as staff");
			browser.findElement(By.cssSelector("section.meeting h2 a")).click();
			wait.until(ExpectedConditions.urlMatches(".*/meetings/[0-9a-f-]+$"));
			assertAccessible("/meetings/{id} as staff");
			assertFitsTheTablet("/meetings/{id} as staff");
		});
	}

	@Test
	void aResidentBringsAnItemToTheirHouseMeeting(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("resident01");
			open("/meetings");
			assertThat(heading()).isEqualTo("Community meetings");
			assertThat(browser.findElements(By.id("schedule-meeting"))).isEmpty();
			assertAccessible("/meetings as resident01");
			assertFitsTheTablet("/meetings as resident01");
			WebElement form = browser.findElement(By.cssSelector("form[id^='submit-']"));
			form.findElement(By.cssSelector("input[name='title']")).sendKeys("More fruit at breakfast");
			form.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.alert-info")));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("More fruit at breakfast");
			assertAccessible("/meetings as resident01 after bringing an item");
		});
	}
}
