package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
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
import org.milieu.residents.Admissions;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Privileges in real Chromium on a tablet-sized window: a clinician restricts a resident's phone
 * time on the resident's privileges page and sees the reason take effect; the director reads
 * the catalogue by level and a privilege's history. axe-core finds no WCAG 2.1 AA violation on
 * either page, and neither scrolls sideways at 768 px.
 */
class PrivilegesBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Autowired
	Accounts accounts;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	CareRelationships care;

	@Autowired
	Clock clock;

	@Test
	void aClinicianRestrictsPhoneTimeAndTheDirectorReadsTheCatalogue(TestInfo test) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ProgramId program = new ProgramId(accounts.findByUsername("director").orElseThrow().programId());
		UUID house = houses.found(program, new HouseDetails("Seaview " + tag, HouseKind.MIXED, null), 2).id();
		String clinician = "clin-" + tag;
		UUID account = accounts.open(new NewAccount(program, clinician, "Dana Reyes", "calm tide lantern 4",
				Set.of(Role.CLINICIAN), null)).id();
		care.assignHouses(account, List.of(house));
		UUID resident = UUID.randomUUID();
		admissions.admit(program, resident, new NewAdmission("Milo", "Ferris" + tag, null, LocalDate.of(1994, 6, 6),
				houses.beds(program, house).get(0).id(), LocalDate.now(clock).minusDays(5)));

		journey(test, () -> {
			open("/login");
			signIn(clinician, "calm tide lantern 4");
			open("/residents/" + resident + "/privileges");
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Privileges: Milo Ferris" + tag));
			WebElement visits = browser.findElement(By.cssSelector("#privilege-status tr[data-code='VISITS']"));
			assertThat(visits.getText()).contains("Not allowed", "Needs level 2");
			assertAccessible("a resident's privileges");
			assertFitsTheTablet("/residents/{id}/privileges");

			new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("privilegeCode"))).selectByValue("PHONE_TIME");
			browser.findElement(By.id("kind-RESTRICT")).click();
			browser.findElement(By.id("reason")).sendKeys("Calls during group, three times this week");
			browser.findElement(By.cssSelector("#adjust-form button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
			assertThat(browser.findElement(By.cssSelector("#privilege-status tr[data-code='PHONE_TIME']")).getText())
				.contains("Not allowed", "Restricted until further notice: Calls during group");
			assertThat(browser.findElement(By.id("adjustments")).getText()).contains("In force");
			assertAccessible("a resident's privileges after a restriction");
			assertFitsTheTablet("/residents/{id}/privileges with a restriction");

			browser.findElement(By.cssSelector("#adjustments input[name=reason]")).sendKeys("Talked it through");
			browser.findElement(By.cssSelector("#adjustments button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Ended"));
			assertThat(browser.findElement(By.cssSelector("#privilege-status tr[data-code='PHONE_TIME']")).getText())
				.contains("Allowed");

			browser.manage().deleteAllCookies();
			open("/login");
			signIn("director");
			open("/levels");
			browser.findElement(By.id("privileges-catalogue-link")).click();
			wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Privileges by level"));
			assertThat(browser.findElement(By.id("privileges-2")).getText()).contains("Off-site pass", "Visits");
			assertAccessible("the catalogue of privileges");
			assertFitsTheTablet("/levels/privileges");

			browser.findElement(By.cssSelector("#privileges-4 a")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("privilege-history")));
			assertAccessible("a privilege with its history");
			assertFitsTheTablet("/levels/privileges/{code}");
		});
	}
}
