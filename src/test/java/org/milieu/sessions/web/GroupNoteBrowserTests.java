package org.milieu.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.identity.DemoSignIns;
import org.milieu.plans.ReviewFixtures;
import org.milieu.sessions.GroupNoteFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Writing a group note in real Chromium at tablet width with the keyboard: the shared part once,
 * then ten entries, counting for each attendee the keys and clicks besides the typed text (at most
 * four: Tab into the row, a digit for participation, a digit for each objective's progress), saved as
 * one goes, then signed. And in Spanish, a copied observation refused with its message, nothing
 * saved. axe-core checks every screen at WCAG 2.1 AA. The roll call comes from
 * {@link GroupNoteFixtures}; the sessions were held on days of 2025 of this class's own.
 */
class GroupNoteBrowserTests extends BrowserJourneys {

	private static final String[] OBSERVATIONS = {
			"Named being alone at night as her strongest trigger and tried urge surfing twice.",
			"Quiet at first, then described how payday used to end in a relapse.",
			"Led the breathing exercise for two newer residents without being asked.",
			"Left the circle twice to take calls; came back when prompted and listened.",
			"Asked whether cravings fade with time and wrote down the answer.",
			"Compared urges to waves and said she will try the exercise before bed.",
			"Said the worksheet was too long; agreed to finish it with his mentor.",
			"Shared a list of three people he can call instead of drinking.",
			"Spoke about a craving on the bus yesterday and how she rode it out.",
			"Fell asleep twice; staff will check on his medication with the nurse." };

	@Autowired
	DemoSignIns signIns;

	@Autowired
	GroupNoteFixtures fixtures;

	@Autowired
	ReviewFixtures reviews;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void tenEntriesTakeAtMostFourKeysEachBesidesTheTextAndTheNoteIsSigned(TestInfo test) {
		UUID planned = signIns.user(reviews.aResidentWithPlanInForce()).residentId();
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 5, 5), 10, planned);
		String page = "/sessions/" + held.sessionId() + "/occurrences/" + held.on() + "/note";
		journey(test, () -> {
			open("/login");
			signIn("clinician");
			open(page + "?lang=en");
			assertThat(heading()).startsWith("Group note: Coping with cravings");
			assertThat(browser.findElements(By.cssSelector("fieldset.note-entry"))).hasSize(10);
			assertAccessible("the empty group note");
			assertFitsTheTablet("the empty group note");

			NoteKeyboard keys = new NoteKeyboard(browser, wait);
			assertThat(keys.writeCravingsNote(OBSERVATIONS)).hasSize(10)
				.allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
			assertAccessible("the group note with ten entries");

			keys.openSigning();
			assertThat(browser.findElement(By.cssSelector("label[for='meaning-wrote']")).getText())
				.isEqualTo("I wrote this group note and its individual entries");
			keys.signWith(GroupNoteFixtures.DEMO_PASSWORD);
			assertThat(browser.findElement(By.id("note-signed")).getText()).startsWith("Signed by");
			assertThat(browser.findElements(By.id("observation-0"))).isEmpty();
			assertThat(browser.findElement(By.tagName("main")).getText()).contains(OBSERVATIONS[9]);
			assertAccessible("the signed group note");
			assertFitsTheTablet("the signed group note");
		});
	}

	@Test
	void aCopiedObservationIsRefusedWithItsMessageInSpanishAndNothingIsSaved(TestInfo test) {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 5, 6), 2, null);
		String page = "/sessions/" + held.sessionId() + "/occurrences/" + held.on() + "/note";
		journey(test, () -> {
			open("/login");
			signIn("clinician");
			open(page + "?lang=es");
			assertThat(heading()).startsWith("Nota de grupo");
			String copied = "Nombró la soledad de la noche como su mayor detonante y practicó la técnica de la ola dos veces.";
			NoteKeyboard keys = new NoteKeyboard(browser, wait);
			keys.fillObservation(0, copied);
			wait.until(d -> "Guardado".equals(d.findElement(By.id("status-0")).getText()));
			keys.fillObservation(1, copied.replace("su mayor", "el mayor"));
			wait.until(d -> d.findElement(By.id("status-1")).getText().startsWith("No guardado"));
			assertThat(browser.findElement(By.id("status-1")).getText()).contains("es igual o casi igual");
			assertAccessible("a refused copied observation in Spanish");

			open(page + "?lang=es");
			assertThat(browser.findElement(By.id("observation-0")).getAttribute("value")).isEqualTo(copied);
			assertThat(browser.findElement(By.id("observation-1")).getAttribute("value")).isEmpty();
			browser.findElement(By.id("sign-note")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-error")));
			assertThat(browser.findElement(By.id("note-error")).getText()).contains("Cada asistente necesita una entrada completa");
			assertAccessible("the refused signature in Spanish");
		});
	}
}
