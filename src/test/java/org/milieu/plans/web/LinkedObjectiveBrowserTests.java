package org.milieu.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.reviews.CriterionChoice;
import org.milieu.plans.ItemKind;
import org.milieu.plans.PlanFixtures;
import org.milieu.plans.PlanObjectiveLinks;
import org.milieu.plans.PlanVersion;
import org.milieu.plans.TreatmentPlans;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In real Chromium at tablet width, in English and in Spanish: the clinician links an objective to
 * a criterion of the resident's next level on the draft form; once the plan is in force and a signed
 * review rated the objective, the level evidence page shows it under that criterion with a link to the
 * plan. axe-core checks every screen at WCAG 2.1 AA.
 */
class LinkedObjectiveBrowserTests extends BrowserJourneys {

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	PlanObjectiveLinks links;

	@Autowired
	TreatmentPlans plans;

	MilieuUser clinician;

	MilieuUser resident;

	CriterionChoice criterion;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@BeforeEach
	void aResidentWithACriterionAhead() {
		clinician = signIns.user("clinician");
		resident = signIns.user(fixtures.aResidentWithoutPlan());
		criterion = links.nextCriterion(clinician, resident);
	}

	@Test
	void theClinicianLinksAnObjectiveToACriterionAndTheEvidencePageShowsItsProgress(TestInfo test) {
		String page = "/residents/" + resident.residentId() + "/plan";
		journey(test, () -> {
			open("/login");
			signIn("clinician");
			open(page);
			browser.findElement(By.id("start-plan")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-notice")));
			new Select(browser.findElement(By.id("item-kind"))).selectByValue("OBJECTIVE");
			browser.findElement(By.id("item-text")).sendKeys("Goes to two meetings a week");
			browser.findElement(By.id("item-measure")).sendKeys("Attendance sheet signed by the chair");
			((JavascriptExecutor) browser).executeScript("document.getElementById('item-target').value = '2027-06-30';");
			new Select(browser.findElement(By.id("item-criterion"))).selectByValue(criterion.link().value());
			assertAccessible("the draft form with a level criterion chosen");
			assertFitsTheTablet("the draft form with a level criterion chosen");
			browser.findElement(By.id("add-part")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-objective")));
			assertThat(browser.findElement(By.id("plan-objective")).getText())
				.contains("Works toward level " + criterion.level());

			open(page + "?lang=es");
			assertThat(browser.findElement(By.id("plan-objective")).getText())
				.contains("Contribuye al nivel " + criterion.level());
			assertThat(browser.findElement(By.cssSelector("label[for='item-criterion']")).getText())
				.isEqualTo("Criterio de nivel al que contribuye");
			assertAccessible("the draft with a linked objective in Spanish");
			assertFitsTheTablet("the draft with a linked objective in Spanish");

			PlanVersion draft = plans.version(clinician, resident.residentId(), 1);
			fixtures.sign(clinician, draft.planId(), 1, "wrote-with-resident", null);
			fixtures.sign(resident, draft.planId(), 1, "agreed", null);
			links.review(draft, clinician, links.today(resident).minusDays(1), true,
					draft.itemsOf(ItemKind.OBJECTIVE).get(0).id(), "PROGRESSING");

			open("/residents/" + resident.residentId() + "/level?lang=en");
			assertThat(browser.findElement(By.cssSelector(".linked-objectives")).getText())
				.contains("Plan objective: Goes to two meetings a week", "Progressing", "See it in the plan");
			assertThat(browser.findElement(By.cssSelector("a.plan-link")).getAttribute("href")).endsWith(page);
			assertAccessible("the evidence page with a linked objective");
			assertFitsTheTablet("the evidence page with a linked objective");

			open("/residents/" + resident.residentId() + "/level?lang=es");
			assertThat(browser.findElement(By.cssSelector(".linked-objectives")).getText())
				.contains("Objetivo del plan: Goes to two meetings a week", "Avanzando", "Verlo en el plan");
			assertAccessible("the evidence page with a linked objective in Spanish");
		});
	}
}
