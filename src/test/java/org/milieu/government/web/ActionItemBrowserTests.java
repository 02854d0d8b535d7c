package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * The action items page in real Chromium at tablet size: staff see the open items, overdue first,
 * mark one done and record a problem's follow-up, and see a past meeting's action items on its page;
 * a resident sees their own items and marks one done. axe-core checks each page at WCAG 2.1 AA.
 */
class ActionItemBrowserTests extends BrowserJourneys {

	@Autowired
	JdbcClient jdbc;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void staffWorkThroughOverdueItemsAndProblemsAwaitingFollowUp(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("staff");
			followMenu("/action-items");
			wait.until(ExpectedConditions.urlMatches(".*/action-items$"));
			assertThat(heading()).isEqualTo("Action items");
			List<WebElement> items = browser.findElements(By.cssSelector("#action-items article.action-item"));
			assertThat(items).isNotEmpty();
			assertThat(items.get(0).getText()).contains("Overdue");
			assertThat(browser.findElements(By.cssSelector("#problems article.problem"))).isNotEmpty();
			assertAccessible("/action-items as staff");
			assertFitsTheTablet("/action-items as staff");

			WebElement first = items.get(0);
			String title = first.findElement(By.cssSelector("h3 span")).getText();
			first.findElement(By.cssSelector("input[name='note']")).sendKeys("Called them today");
			first.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.alert-info")));
			assertThat(browser.findElement(By.cssSelector("p.alert-info")).getText()).isEqualTo("The action item is marked done.");

			WebElement problem = browser.findElement(By.cssSelector("#problems article.problem"));
			problem.findElement(By.cssSelector("textarea[name='note']")).sendKeys("Discussed with the house");
			problem.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.alert-info"),
					"The follow-up is recorded."));
			assertAccessible("/action-items as staff after recording");

			browser.findElement(By.cssSelector("nav.inline-links a[href*='status=done']")).click();
			wait.until(ExpectedConditions.urlMatches(".*/action-items\\?status=done$"));
			assertThat(browser.findElement(By.id("action-items")).getText()).contains(title);
			assertAccessible("/action-items?status=done as staff");
			assertFitsTheTablet("/action-items?status=done as staff");

			UUID meeting = jdbc.sql("select meeting_id from government_action_item where title = ? limit 1").param(title)
				.query(UUID.class).single();
			open("/meetings/" + meeting);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-new")));
			assertThat(browser.findElement(By.cssSelector("ul.action-items")).getText()).contains(title);
			assertAccessible("/meetings/{id} with its action items as staff");
			assertFitsTheTablet("/meetings/{id} with its action items as staff");
		});
	}

	@Test
	void aResidentSeesTheirOwnItemsAndMarksOneDone(TestInfo test) {
		jdbc.sql("""
				insert into government_action_item (id, program_id, meeting_id, title, owner_resident, due_on, status,
				                                    created_by, created_at)
				select gen_random_uuid(), m.program_id, m.id, 'Bring the board games down', a.resident_id, current_date + 5,
				       'OPEN', 'staff', now()
				  from identity_account a
				  join residents_stay s on s.resident_id = a.resident_id and s.discharged_on is null
				  join government_meeting m on m.house_id = s.house_id and m.status = 'CLOSED'
				 where a.username = 'resident01'
				 limit 1""").update();
		journey(test, () -> {
			open("/login");
			signIn("resident01");
			followMenu("/action-items");
			wait.until(ExpectedConditions.urlMatches(".*/action-items$"));
			assertThat(heading()).isEqualTo("Action items");
			assertThat(browser.findElement(By.id("my-action-items-heading")).getText()).isEqualTo("My action items");
			assertThat(browser.findElements(By.cssSelector("#problems"))).isEmpty();
			assertAccessible("/action-items as resident01");
			assertFitsTheTablet("/action-items as resident01");
			WebElement mine = browser.findElements(By.cssSelector("#my-action-items article.action-item")).stream()
				.filter(a -> a.getText().contains("Bring the board games down")).findFirst().orElseThrow();
			mine.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.alert-info")));
			WebElement done = browser.findElements(By.cssSelector("#my-action-items article.action-item")).stream()
				.filter(a -> a.getText().contains("Bring the board games down")).findFirst().orElseThrow();
			assertThat(done.getText()).contains("Done by resident01");
			assertAccessible("/action-items as resident01 after marking done");
		});
	}
}
