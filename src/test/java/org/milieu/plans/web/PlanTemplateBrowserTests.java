package org.milieu.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A draft from a template in real Chromium at tablet width, in English and in Spanish: the clinician
 * adds a template's parts, each shows it came from the template, the clinician rewrites the problem
 * in the resident's words and its note goes. axe-core checks every screen at WCAG 2.1 AA.
 */
class PlanTemplateBrowserTests extends BrowserJourneys {

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void theClinicianDraftsFromATemplateAndMakesTheProblemTheResidentsOwn(TestInfo test) {
		MilieuUser resident = signIns.user(fixtures.aResidentWithoutPlan());
		journey(test, () -> {
			open("/login");
			signIn("clinician");
			draftFromTemplate(resident, "", "Evening cravings");
			assertThat(browser.findElement(By.id("plan-problem")).getText())
				.contains("From template \"Evening cravings\": make it this resident's own");
			assertAccessible("the draft with a template's parts");
			assertFitsTheTablet("the draft with a template's parts");

			rewriteTheProblem("Nights alone in my flat are when I drink");
			assertThat(browser.findElement(By.id("plan-problem")).getText())
				.contains("Nights alone in my flat are when I drink").doesNotContain("From template");
			assertThat(browser.findElements(By.cssSelector("#plan-objective .template-note"))).isNotEmpty();
			assertAccessible("the draft after the problem is rewritten");

			open("/plan-templates");
			assertThat(heading()).isEqualTo("Plan templates");
			assertAccessible("the clinician's list of templates");
		});
	}

	@Test
	void inSpanishTheClinicianDraftsFromATemplateAndTheNoteGoesOnceRewritten(TestInfo test) {
		MilieuUser resident = signIns.user(fixtures.aResidentWithoutPlan());
		journey(test, () -> {
			open("/login?lang=es");
			signIn("clinician");
			draftFromTemplate(resident, "?lang=es", "Sleep problems");
			assertThat(browser.findElement(By.id("plan-problem")).getText())
				.contains("De la plantilla «Sleep problems»: hágalo propio de este residente");
			assertAccessible("the draft with a template's parts in Spanish");
			assertFitsTheTablet("the draft with a template's parts in Spanish");
			rewriteTheProblem("No duermo desde que llegué y me preocupa el trabajo");
			assertThat(browser.findElement(By.id("plan-problem")).getText()).doesNotContain("De la plantilla");
			assertAccessible("the rewritten draft in Spanish");
		});
	}

	private void draftFromTemplate(MilieuUser resident, String language, String template) {
		open("/residents/" + resident.residentId() + "/plan" + language);
		browser.findElement(By.id("start-plan")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("apply-template")));
		new Select(browser.findElement(By.id("template-id"))).selectByVisibleText(
				new Select(browser.findElement(By.id("template-id"))).getOptions().stream()
					.map(WebElement::getText).filter(t -> t.startsWith(template)).findFirst().orElseThrow());
		browser.findElement(By.id("apply-template")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan-problem .template-note")));
	}

	private void rewriteTheProblem(String words) {
		WebElement problem = browser.findElement(By.cssSelector("#plan-problem > li"));
		problem.findElement(By.tagName("summary")).click();
		WebElement text = problem.findElement(By.cssSelector("textarea[name='text']"));
		text.clear();
		text.sendKeys(words);
		clickToNewPage(problem.findElement(By.cssSelector("button[type='submit']")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-notice")));
	}
}
