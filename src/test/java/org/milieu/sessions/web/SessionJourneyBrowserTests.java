package org.milieu.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.groups.GroupFixtures;
import org.milieu.groups.GroupRules;
import org.milieu.groups.Grouping;
import org.milieu.groups.Groupings;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.sessions.SessionTypes;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole of a group's day in real Chromium at tablet width: a clinician schedules a weekly
 * psycho-education group for a house's approved small group of ten from the form (from midnight
 * today, so that the occurrence has begun and its note is open whenever the test runs), opens today's
 * occurrence (found by its date), takes the roll call with one tap a resident, and writes the group note, the shared part
 * once and then ten individual entries by keyboard, counting every key and click besides the typed
 * text (at most four an attendee), and signs it. The roll call and the note are then read in Spanish.
 * axe-core checks every screen at WCAG 2.1 AA.
 */
class SessionJourneyBrowserTests extends BrowserJourneys {

	private static final String[] OBSERVATIONS = {
			"Named being alone at night as the strongest trigger and tried urge surfing twice.",
			"Quiet at first, then described how payday used to end in a relapse.",
			"Led the breathing exercise for two newer residents without being asked.",
			"Left the circle twice to take calls; came back when prompted and listened.",
			"Asked whether cravings fade with time and wrote down the answer.",
			"Compared urges to waves and means to try the exercise before bed.",
			"Found the worksheet too long; agreed to finish it with a mentor on Friday.",
			"Shared a list of three people to call instead of drinking.",
			"Spoke about a craving on the bus yesterday and how it passed.",
			"Fell asleep twice; staff will check the medication times with the nurse." };

	@Autowired
	GroupFixtures groupFixtures;

	@Autowired
	GroupRules rules;

	@Autowired
	Groupings groupings;

	@Autowired
	CareRelationships care;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	SessionTypes types;

	@Autowired
	Census census;

	@Autowired
	JdbcClient jdbc;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void aClinicianSchedulesAWeeklyGroupForASmallGroupTakesTheRollCallAndSignsTheNoteWithTenEntries(TestInfo test) {
		MilieuUser director = signIns.user("director");
		MilieuUser clinician = signIns.user("clinician2");
		GroupFixtures.TestHouse house = groupFixtures.aHouseWithResidentsAtLevels(1, 1, 2, 2, 2, 3, 3, 3, 4, 4);
		Set<UUID> worksIn = new HashSet<>(care.houses(clinician.accountId()));
		worksIn.add(house.id());
		care.assignHouses(clinician.accountId(), worksIn);
		rules.set(director, house.id(), 1, 2, 12, 1);
		Grouping grouping = groupings.approve(director, house.id(), groupings.propose(director, house.id()).id());
		UUID group = grouping.groups().get(0).id();
		String houseName = jdbc.sql("select name from residents_house where id = ?").param(house.id()).query(String.class).single();
		UUID psychoEducation = types.all(director.programId()).stream().filter(t -> "PSYCHO_EDUCATION".equals(t.code()))
			.findFirst().orElseThrow().id();
		LocalDate today = census.day(director.programId());
		String weekday = today.getDayOfWeek().name().substring(0, 2);

		journey(test, () -> {
			open("/login?lang=en");
			signIn("clinician2");

			// schedule the weekly group for the small group
			open("/sessions/new");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-form")));
			new Select(browser.findElement(By.id("session-type"))).selectByValue(psychoEducation.toString());
			browser.findElement(By.id("session-title")).sendKeys("Coping skills group");
			new Select(browser.findElement(By.id("session-house"))).selectByVisibleText(houseName);
			browser.findElement(By.id("session-room")).sendKeys("Small group room");
			JavascriptExecutor js = (JavascriptExecutor) browser;
			js.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("session-date")), today.toString());
			js.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("session-time")), "00:00");
			browser.findElement(By.id("repeat-weekly")).click();
			browser.findElement(By.id("day-" + weekday)).click();
			browser.findElement(By.id("session-count")).sendKeys("6");
			browser.findElement(By.id("attendees-group")).click();
			new Select(browser.findElement(By.id("session-group"))).selectByValue(group.toString());
			assertAccessible("the schedule form for a small group");
			browser.findElement(By.id("session-submit")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("occurrence-list")));
			assertThat(browser.findElement(By.id("session-title")).getText()).isEqualTo("Coping skills group");
			assertThat(browser.findElements(By.cssSelector("#occurrence-list > li"))).hasSizeGreaterThanOrEqualTo(6);
			assertAccessible("the weekly group with its next occurrences");
			assertFitsTheTablet("the weekly group");

			// today's roll call: one tap a resident
			WebElement todays = browser.findElement(By.id("occurrence-" + today));
			assertThat(todays.getText()).contains(String.valueOf(today.getDayOfMonth()), "00:00");
			assertThat(todays.findElements(By.id("note-" + today))).hasSize(1);
			assertThat(todays.findElements(By.cssSelector("a[href$='/roll-call']"))).as(todays.getAttribute("innerHTML"))
				.hasSize(1);
			todays.findElement(By.cssSelector("a[href$='/roll-call']")).click();
			wait.until(ExpectedConditions.urlContains("/roll-call"));
			assertThat(browser.findElements(By.cssSelector("button.roll-present"))).hasSize(10);
			assertAccessible("the roll call of ten");
			for (UUID resident : house.residents()) {
				browser.findElement(By.cssSelector("#row-" + resident + " button.roll-present")).click();
				// the row is redrawn in place: an element found just before the swap goes stale, so look again
				wait.ignoring(StaleElementReferenceException.class).until(d -> "true".equals(d.findElement(
					By.cssSelector("#row-" + resident + " button.roll-present")).getAttribute("aria-pressed")));
			}
			assertThat(jdbc.sql("select count(*) from sessions_attendance a join sessions_session s on s.id = a.session_id "
					+ "where s.attendee_group_id = ? and a.occurs_on = ? and a.status = 'PRESENT'")
				.params(group, today).query(Integer.class).single()).isEqualTo(10);
			assertAccessible("the roll call, all ten present");

			// the group note: the shared part once, then ten entries by keyboard
			browser.findElement(By.id("to-note")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-topic")));
			assertThat(browser.findElements(By.cssSelector("fieldset.note-entry"))).hasSize(10);
			assertAccessible("the empty group note");
			NoteKeyboard keys = new NoteKeyboard(browser, wait);
			assertThat(keys.writeCravingsNote(OBSERVATIONS)).hasSize(10)
				.allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
			assertAccessible("the group note with ten entries");

			keys.openSigning();
			keys.signWith("milieu-demo");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains(OBSERVATIONS[0], OBSERVATIONS[9]);
			assertAccessible("the signed group note");

			// the same screens in Spanish
			String occurrence = browser.getCurrentUrl().replaceAll("/note.*$", "");
			browser.get(occurrence + "/roll-call?lang=es");
			assertThat(heading()).startsWith("Pasar lista");
			assertAccessible("the roll call in Spanish");
			browser.get(occurrence + "/note?lang=es");
			assertThat(heading().toLowerCase(Locale.ROOT)).startsWith("nota de grupo");
			assertAccessible("the signed group note in Spanish");
			open("/?lang=en");
		});
	}
}
