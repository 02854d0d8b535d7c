package org.milieu.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.sessions.AttendanceFixtures;
import org.milieu.sessions.AttendanceFixtures.House;
import org.milieu.sessions.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The roll call on a tablet in real Chromium: a staff member follows today's roll call from their
 * home page, taps present for one resident (the row redrawn in place, no page load), excuses another
 * with a reason, and marks all others present; the page in Spanish too. axe-core checks each state
 * at WCAG 2.1 AA, and the page needs no sideways scrolling at 768 px.
 */
class RollCallBrowserTests extends BrowserJourneys {

	private static final String PASSWORD = "roll call tablet 7 green";

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Autowired
	AttendanceFixtures fixtures;

	@Autowired
	Accounts accounts;

	@Autowired
	CareRelationships care;

	@Autowired
	JdbcClient jdbc;

	String status(Session session, UUID resident) {
		return jdbc.sql("select status from sessions_attendance where session_id = ? and resident_id = ?")
			.params(session.id(), resident).query(String.class).optional().orElse(null);
	}

	@Test
	void staffTakeTodaysRollCallFromTheirHomePageOneTapARow(TestInfo test) {
		House h = fixtures.house();
		Session group = fixtures.groupOn(h, fixtures.today());
		String staff = "tablet-" + UUID.randomUUID().toString().substring(0, 8);
		care.assignHouses(accounts.open(new NewAccount(fixtures.program(), staff, "Tablet Staff", PASSWORD, Set.of(Role.STAFF),
				null)).id(), List.of(h.id()));
		UUID ana = h.residents().get(0);
		UUID ben = h.residents().get(1);

		journey(test, () -> {
			open("/login");
			signIn(staff, PASSWORD);
			open("/");
			browser.findElement(By.partialLinkText("Roll call to take: House check-in")).click();
			wait.until(ExpectedConditions.urlContains("/roll-call"));
			assertThat(heading()).isEqualTo("Roll call: House check-in");
			assertAccessible("the roll call, nobody marked");
			assertFitsTheTablet("the roll call");

			// one tap: the row is redrawn in place, the page is not loaded again
			((JavascriptExecutor) browser).executeScript("window.rollCallPage = 'still here';");
			browser.findElement(By.cssSelector("#row-" + ana + " button.roll-present")).click();
			// the row is redrawn in place: an element found just before the swap goes stale, so look again
			wait.ignoring(StaleElementReferenceException.class).until(d -> "true".equals(d.findElement(
				By.cssSelector("#row-" + ana + " button.roll-present")).getAttribute("aria-pressed")));
			assertThat(((JavascriptExecutor) browser).executeScript("return window.rollCallPage;")).isEqualTo("still here");
			assertThat(status(group, ana)).isEqualTo("PRESENT");

			// excused asks for the reason
			browser.findElement(By.cssSelector("#row-" + ben + " .roll-excuse summary")).click();
			browser.findElement(By.id("reason-" + ben)).sendKeys("Hospital appointment");
			browser.findElement(By.cssSelector("#row-" + ben + " button.roll-excused")).click();
			wait.until(d -> "EXCUSED".equals(status(group, ben)));
			wait.ignoring(StaleElementReferenceException.class).until(d -> "true".equals(d.findElement(
				By.cssSelector("#row-" + ben + " button.roll-excused")).getAttribute("aria-pressed")));
			assertAccessible("the roll call, partly marked");

			browser.findElement(By.cssSelector("#others-present button")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("roll-notice")));
			assertThat(jdbc.sql("select status from sessions_attendance where session_id = ? order by status")
				.param(group.id()).query(String.class).list()).containsExactly("EXCUSED", "PRESENT", "PRESENT");
			assertAccessible("the roll call, everyone marked");

			open("/sessions/" + group.id() + "/occurrences/" + fixtures.today() + "/roll-call?lang=es");
			assertThat(heading()).isEqualTo("Pasar lista: House check-in");
			assertThat(browser.findElement(By.id("state-" + ben)).getText()).contains("Justificado");
			assertAccessible("the roll call in Spanish");
			assertFitsTheTablet("the roll call in Spanish");
			open("/?lang=en");
		});
	}
}
