package org.milieu.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Writing a group note's page by keyboard in a browser journey, counting every key besides the typed
 * text: the measure of a fast note is at most four such interactions an attendee.
 */
final class NoteKeyboard {

	private final WebDriver browser;

	private final WebDriverWait wait;

	private int interactions;

	NoteKeyboard(WebDriver browser, WebDriverWait wait) {
		this.browser = browser;
		this.wait = wait;
	}

	/** A key that is not the typed text: counted. */
	void press(CharSequence key) {
		interactions++;
		new Actions(browser).sendKeys(key).perform();
	}

	/** Typing the text itself: not counted. */
	void type(String text) {
		new Actions(browser).sendKeys(text).perform();
	}

	/** The id of the element that has the focus. */
	String focused() {
		return browser.switchTo().activeElement().getAttribute("id");
	}

	/** The shared part, once: topic, Tab, interventions, Tab, materials. */
	void writeSharedPart(String topic, String interventions, String materials) {
		browser.findElement(By.id("note-topic")).click();
		type(topic);
		press(Keys.TAB);
		type(interventions);
		press(Keys.TAB);
		type(materials);
	}

	/**
	 * From the shared part's last field, an entry for each attendee in order: Tab into the row, a digit
	 * for participation (1 to 4 in turn), a digit for each objective's progress (2, Progressing, for the
	 * first, 1, Met, for the others), then the observation typed. Tabs out of the last row, waits until
	 * every row says "Saved" and answers the counted interactions of each attendee.
	 */
	List<Integer> writeEntries(String... observations) {
		List<Integer> perAttendee = new ArrayList<>();
		for (int i = 0; i < observations.length; i++) {
			interactions = 0;
			press(Keys.TAB);
			assertThat(focused()).isEqualTo("participation-" + i);
			press(String.valueOf(1 + i % 4));
			int objectives = browser.findElements(By.cssSelector("#entry-" + i + " select[data-objective]")).size();
			for (int o = 0; o < objectives; o++) {
				assertThat(focused()).isEqualTo("progress-" + i + "-" + o);
				press(o == 0 ? "2" : "1");
			}
			assertThat(focused()).isEqualTo("observation-" + i);
			type(observations[i]);
			perAttendee.add(interactions);
		}
		press(Keys.TAB);
		wait.until(d -> d.findElements(By.cssSelector(".note-row .save-status")).stream()
			.allMatch(s -> "Saved".equals(s.getText())));
		return perAttendee;
	}

	/** Types an observation in a row and leaves the field, which saves the row. */
	void fillObservation(int row, String text) {
		browser.findElement(By.id("observation-" + row)).click();
		type(text);
		press(Keys.TAB);
	}

	/**
	 * A cravings group's note: the shared part once, then an entry for each observation in turn (see
	 * {@link #writeEntries}); answers the counted interactions of each attendee.
	 */
	List<Integer> writeCravingsNote(String... observations) {
		writeSharedPart("Coping with cravings", "Psycho-education on the cravings cycle; urge surfing practised in pairs",
				"Worksheet 4");
		return writeEntries(observations);
	}

	/** "Sign the note": waits for the signing page's form. */
	void openSigning() {
		browser.findElement(By.id("sign-note")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
	}

	/** On the signing page, signs with the password and waits until the note shows as signed. */
	void signWith(String password) {
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-signed")));
	}
}
