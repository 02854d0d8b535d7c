package org.milieu.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The plan in real Chromium at tablet width, in English and in Spanish: a clinician drafts a plan,
 * the resident adds a goal in their own words and signs "I agree", the clinician signs, and the
 * version is in force. axe-core checks every screen at WCAG 2.1 AA.
 */
class PlanBrowserTests extends BrowserJourneys {

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	MilieuUser resident;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@BeforeEach
	void aResidentWithoutPlan() {
		resident = signIns.user(fixtures.aResidentWithoutPlan());
	}

	@Test
	void theClinicianDraftsTheResidentAddsAGoalAndSignsThenTheClinicianSigns(TestInfo test) {
		String page = "/residents/" + resident.residentId() + "/plan";
		journey(test, () -> {
			open("/login");
			signIn("clinician");
			open(page);
			assertThat(heading()).isEqualTo("Treatment plan");
			assertAccessible("the plan page without a plan");
			browser.findElement(By.id("start-plan")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-notice")));
			addProblem("I drink when I am alone at night", "Alcohol use disorder, evening cravings");
			new Select(browser.findElement(By.id("item-kind"))).selectByValue("OBJECTIVE");
			browser.findElement(By.id("item-text")).sendKeys("Goes to two meetings a week");
			browser.findElement(By.id("item-measure")).sendKeys("Attendance sheet signed by the chair");
			((JavascriptExecutor) browser).executeScript("document.getElementById('item-target').value = '2027-06-30';");
			browser.findElement(By.id("add-part")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-objective")));
			assertThat(browser.findElement(By.id("plan-version")).getText()).contains("Written by", "Alcohol use disorder");
			assertAccessible("the clinician's draft");
			assertFitsTheTablet("the clinician's draft");

			switchTo(resident.getUsername());
			open("/me/plan");
			assertThat(heading()).isEqualTo("My plan");
			browser.findElement(By.id("own-text")).sendKeys("Be there for my daughter's birthday");
			browser.findElement(By.id("add-own")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-goal")));
			assertThat(browser.findElement(By.id("plan-goal")).getText()).contains("Be there for my daughter's birthday", "own words");
			assertAccessible("the resident's plan");
			assertFitsTheTablet("the resident's plan");
			browser.findElement(By.id("sign-link")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
			assertThat(browser.findElement(By.cssSelector("label[for='meaning-agreed']")).getText()).isEqualTo("I agree to this plan");
			browser.findElement(By.id("password")).sendKeys(PlanFixtures.DEMO_PASSWORD);
			browser.findElement(By.id("sign")).click();
			wait.until(ExpectedConditions.urlMatches(".*/me/plan.*"));

			switchTo("clinician");
			open(page);
			browser.findElement(By.id("sign-link")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
			browser.findElement(By.id("password")).sendKeys(PlanFixtures.DEMO_PASSWORD);
			browser.findElement(By.id("sign")).click();
			wait.until(ExpectedConditions.urlMatches(".*/residents/.*/plan.*"));
			assertThat(browser.findElement(By.id("version-heading")).getText()).contains("in force");
			assertThat(browser.findElement(By.id("signatures")).getText())
				.contains("I agree to this plan", "I wrote this plan with the resident", "Signature matches the document");
			assertAccessible("the plan in force");
			assertFitsTheTablet("the plan in force");
		});
	}

	@Test
	void inSpanishTheClinicianDraftsAndTheResidentReadsTheirPlan(TestInfo test) {
		String page = "/residents/" + resident.residentId() + "/plan";
		journey(test, () -> {
			open("/login?lang=es");
			signIn("clinician");
			open(page + "?lang=es");
			assertThat(heading()).isEqualTo("Plan de tratamiento");
			browser.findElement(By.id("start-plan")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-notice")));
			addProblem("Me cuesta dormir", "Insomnio persistente");
			assertThat(browser.findElement(By.id("plan-version")).getText()).contains("Escrito por", "Dimensión 5");
			assertAccessible("the clinician's draft in Spanish");
			assertFitsTheTablet("the clinician's draft in Spanish");

			switchTo(resident.getUsername());
			open("/me/plan?lang=es");
			assertThat(heading()).isEqualTo("Mi plan");
			assertThat(browser.findElement(By.id("sign-link")).getText()).isEqualTo("Firmar: estoy de acuerdo con este plan");
			assertAccessible("the resident's plan in Spanish");
			assertFitsTheTablet("the resident's plan in Spanish");
		});
	}

	private void addProblem(String words, String clinical) {
		new Select(browser.findElement(By.id("item-kind"))).selectByValue("PROBLEM");
		new Select(browser.findElement(By.id("item-area"))).selectByValue("ASAM5_RELAPSE_POTENTIAL");
		browser.findElement(By.id("item-text")).sendKeys(words);
		browser.findElement(By.id("item-clinical")).sendKeys(clinical);
		browser.findElement(By.id("add-part")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-problem")));
	}

	/** Another person takes the tablet: a new session, signed in afresh. */
	private void switchTo(String username) {
		browser.manage().deleteAllCookies();
		open("/login");
		signIn(username);
	}
}
