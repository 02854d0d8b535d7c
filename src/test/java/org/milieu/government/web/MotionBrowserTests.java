package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Votes in real Chromium at tablet size, on the demo meeting under way: a resident casts a ballot
 * and checks its receipt; staff close the vote from the chair's view and approve last week's
 * minutes there; a clinician overrules the carried motion, first without a reason (refused) and
 * then with one, which the minutes show; the house rules and officers page. axe-core checks each
 * page at WCAG 2.1 AA.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MotionBrowserTests extends BrowserJourneys {

	@Autowired
	JdbcClient jdbc;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	UUID meeting() {
		return jdbc.sql("select id from government_meeting where title = 'House meeting about the garden'").query(UUID.class)
			.single();
	}

	UUID motion(UUID meeting) {
		return jdbc.sql("select id from government_motion where meeting_id = ? and kind = 'ORDINARY'").param(meeting)
			.query(UUID.class).single();
	}

	@Test
	@Order(1)
	void aResidentVotesAndFindsTheirBallotByItsReceipt(TestInfo test) {
		UUID meeting = meeting();
		UUID motion = motion(meeting);
		String voter = jdbc.sql("""
				select a.username from identity_account a join government_attendance p on p.resident_id = a.resident_id
				 where p.meeting_id = ? and not exists (select 1 from government_ballot_voter v
				                                       where v.motion_id = ? and v.resident_id = a.resident_id)
				 order by a.username limit 1""").params(meeting, motion).query(String.class).single();
		// residents other journeys admitted since the demo was made are present too, so the quorum holds
		jdbc.sql("""
				insert into government_attendance (meeting_id, resident_id, recorded_by, recorded_at)
				select m.id, s.resident_id, 'staff', now() from government_meeting m
				  join residents_stay s on s.house_id = m.house_id and s.discharged_on is null
				 where m.id = ? on conflict do nothing""").param(meeting).update();
		journey(test, () -> {
			open("/login");
			signIn(voter);
			open("/meetings/" + meeting);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("motion-" + motion)));
			assertAccessible("/meetings/{id} with an open vote, as a resident");
			assertFitsTheTablet("/meetings/{id} with an open vote, as a resident");
			WebElement card = browser.findElement(By.id("motion-" + motion));
			card.findElement(By.cssSelector("label[for='choice-" + motion + "-YES']")).click();
			card.findElement(By.cssSelector("form[action$='/ballots'] button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#motion-" + motion + " p.alert-info strong")));
			String code = browser.findElement(By.cssSelector("#motion-" + motion + " p.alert-info strong")).getText();
			assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
			assertThat(browser.findElements(By.cssSelector("#motion-" + motion + " form[action$='/ballots']"))).isEmpty();
			assertThat(browser.findElement(By.id("motion-" + motion)).getText()).contains("You have voted.");
			assertAccessible("/meetings/{id} after voting");

			card = browser.findElement(By.id("motion-" + motion));
			card.findElement(By.cssSelector("details:last-of-type summary")).click();
			card.findElement(By.id("code-" + motion)).sendKeys(code);
			card.findElement(By.cssSelector("form[action$='/receipt-check'] button")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("motion-" + motion),
					"Your ballot is in the count."));
			assertAccessible("/meetings/{id} after checking a receipt");
		});
	}

	@Test
	@Order(2)
	void staffCloseTheVoteAndApproveMinutesThenAClinicianOverrulesWithAReason(TestInfo test) {
		UUID meeting = meeting();
		UUID motion = motion(meeting);
		UUID lastWeek = jdbc.sql("""
				select m.id from government_meeting m join government_meeting now on now.id = ?
				 where m.house_id = now.house_id and m.status = 'CLOSED' and m.title = 'Community meeting'""").param(meeting)
			.query(UUID.class).single();
		journey(test, () -> {
			open("/login");
			signIn("staff");
			open("/meetings/" + meeting + "/run");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("motion-" + motion)));
			assertAccessible("/meetings/{id}/run with an open vote");
			assertFitsTheTablet("/meetings/{id}/run with an open vote");
			browser.findElement(By.cssSelector("#motion-" + motion + " form[action$='/close'] button")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-" + motion)));
			assertThat(browser.findElement(By.id("result-" + motion)).getText()).contains("Carried");
			assertAccessible("/meetings/{id}/run after the vote");

			open("/meetings/" + lastWeek + "/minutes");
			assertThat(browser.findElement(By.id("minutes-status")).getText()).contains("Draft");
			assertAccessible("/meetings/{id}/minutes, a draft");
			assertFitsTheTablet("/meetings/{id}/minutes, a draft");
			browser.findElement(By.cssSelector("#approve-form button")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("minutes-status"), "Approved"));
			assertThat(browser.findElements(By.id("minutes-form"))).isEmpty();

			// the sign-in form must come from the new session, not race the sign-out and carry the old token
			signOut();
			open("/login");
			signIn("clinician");
			open("/meetings/" + meeting);
			WebElement card = browser.findElement(By.id("motion-" + motion));
			card.findElement(By.cssSelector("details summary")).click();
			new Select(card.findElement(By.id("ground-" + motion))).selectByValue("SAFETY");
			card.findElement(By.cssSelector("form[action$='/overrule'] button")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("motion-" + motion),
					"Write the reason for the overrule"));
			assertAccessible("/meetings/{id} with an overrule refused");
			card = browser.findElement(By.id("motion-" + motion));
			new Select(card.findElement(By.id("ground-" + motion))).selectByValue("SAFETY");
			card.findElement(By.id("reason-" + motion)).sendKeys("The beds would block the fire exit at the back.");
			card.findElement(By.cssSelector("form[action$='/overrule'] button")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("motion-" + motion),
					"The beds would block the fire exit at the back."));
			assertAccessible("/meetings/{id} with an overrule");
			open("/meetings/" + meeting + "/minutes");
			assertThat(browser.findElement(By.id("minutes-overrules")).getText())
				.contains("The beds would block the fire exit at the back.");
			assertAccessible("/meetings/{id}/minutes with an overrule");

			open("/house-rules");
			assertThat(heading()).isEqualTo("House rules and officers");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("Kitchen").contains("Chair");
			assertAccessible("/house-rules");
			assertFitsTheTablet("/house-rules");
		});
	}
}
