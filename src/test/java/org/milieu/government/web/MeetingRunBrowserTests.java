package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chair's meeting view in real Chromium at tablet size: staff record who is present, open the
 * meeting, take an item, write the secretary's notes, close it and find the items not reached at
 * the top of the next meeting; the director keeps the settings. axe-core checks each page at WCAG 2.1 AA.
 */
class MeetingRunBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private UUID meetingSoon() {
		UUID program = jdbc.sql("select program_id from identity_account where username = 'resident01'")
			.query(UUID.class).single();
		UUID house = jdbc.sql("select s.house_id from residents_stay s join identity_account a on a.resident_id = s.resident_id "
				+ "where a.username = 'resident01' and s.discharged_on is null").query(UUID.class).single();
		UUID meeting = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into government_meeting (id, program_id, house_id, kind, title, starts_at, status, created_by, created_at)
				values (?, ?, ?, 'AD_HOC', 'Journey meeting', ?, 'SCHEDULED', 'staff', ?)""")
			.params(meeting, program, house, Timestamp.from(clock.instant().plus(Duration.ofMinutes(20))), now).update();
		String[] titles = { "Journey first", "Journey second", "Journey third" };
		for (int i = 0; i < titles.length; i++) {
			jdbc.sql("""
					insert into government_agenda_item (id, meeting_id, kind, title, description, submitted_by, position,
					                                    status, submitted_at)
					values (?, ?, 'PROPOSAL', ?, 'Details of the item.', 'staff', ?, 'OPEN', ?)""")
				.params(UUID.randomUUID(), meeting, titles[i], i + 1, now).update();
		}
		return meeting;
	}

	@Test
	void staffRunAMeetingFromAttendanceToCarryOver(TestInfo test) {
		UUID meeting = meetingSoon();
		journey(test, () -> {
			open("/login");
			signIn("staff");
			open("/meetings/" + meeting);
			assertAccessible("/meetings/{id} as staff with the move buttons");
			assertFitsTheTablet("/meetings/{id} as staff with the move buttons");
			browser.findElement(By.id("run-link")).click();
			wait.until(ExpectedConditions.urlMatches(".*/meetings/[0-9a-f-]+/run$"));
			assertThat(browser.findElement(By.id("quorum")).getText()).contains("No quorum yet");
			assertAccessible("/meetings/{id}/run before the meeting");
			assertFitsTheTablet("/meetings/{id}/run before the meeting");

			var roll = browser.findElements(By.cssSelector("#attendance-form fieldset.run-roll"));
			assertThat(roll).hasSizeGreaterThan(1);
			roll.get(0).findElement(By.cssSelector("input[value=PRESENT] + label")).click();
			roll.get(1).findElement(By.cssSelector("input[value=EXCUSED] + label")).click();
			browser.findElement(By.cssSelector("#attendance-form button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBe(By.cssSelector("p.alert-info"), "Attendance saved."));
			assertThat(browser.findElement(By.id("quorum")).getText()).startsWith("1 of");
			roll = browser.findElements(By.cssSelector("#attendance-form fieldset.run-roll"));
			assertThat(roll.get(1).findElement(By.cssSelector("input[value=EXCUSED]")).isSelected())
				.as("the second member is shown excused").isTrue();
			assertAccessible("/meetings/{id}/run with one member present and one excused");

			browser.findElement(By.cssSelector("#open-meeting button")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("close-meeting")));
			assertThat(browser.findElement(By.id("current-title")).getText()).isEqualTo("Journey first");

			browser.findElements(By.cssSelector("#run-agenda li")).get(1).findElement(By.cssSelector("form.take-item button"))
				.click();
			wait.until(ExpectedConditions.textToBe(By.id("current-title"), "Journey second"));
			browser.findElement(By.id("notes")).sendKeys("The house agrees to try it for two weeks.");
			browser.findElement(By.id("discussed")).click();
			browser.findElement(By.cssSelector("#notes-form button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBe(By.cssSelector("p.alert-info"), "Notes saved."));
			assertThat(browser.findElement(By.id("notes")).getAttribute("value"))
				.isEqualTo("The house agrees to try it for two weeks.");
			assertAccessible("/meetings/{id}/run while the meeting is under way");
			assertFitsTheTablet("/meetings/{id}/run while the meeting is under way");

			browser.findElement(By.cssSelector("#close-meeting button")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("next-meeting")));
			assertThat(browser.findElement(By.id("meeting-status")).getText()).isEqualTo("Closed");
			assertThat(browser.findElement(By.cssSelector("p.alert-info")).getText()).contains("2 items");
			assertAccessible("/meetings/{id}/run after the meeting");
			assertFitsTheTablet("/meetings/{id}/run after the meeting");
			browser.findElement(By.id("next-meeting")).click();
			wait.until(ExpectedConditions.urlMatches(".*/meetings/[0-9a-f-]+$"));
			var items = browser.findElements(By.cssSelector("ol.agenda > li strong"));
			assertThat(items.get(0).getText()).isEqualTo("Journey first");
			assertThat(items.get(1).getText()).isEqualTo("Journey third");
		});
	}

	@Test
	void theDirectorSeesTheSettingsPage(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("director");
			open("/meetings");
			browser.findElement(By.id("settings-link")).click();
			wait.until(ExpectedConditions.urlMatches(".*/meetings/settings$"));
			assertThat(heading()).isEqualTo("Meeting settings");
			assertAccessible("/meetings/settings");
			assertFitsTheTablet("/meetings/settings");
			browser.findElement(By.id("quorumPercent")).clear();
			browser.findElement(By.id("quorumPercent")).sendKeys("0");
			browser.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings-problem")));
			assertAccessible("/meetings/settings with a problem");
			assertFitsTheTablet("/meetings/settings with a problem");
		});
	}
}
