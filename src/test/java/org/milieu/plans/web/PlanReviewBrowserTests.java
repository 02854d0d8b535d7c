package org.milieu.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanFixtures;
import org.milieu.plans.ReviewFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A review of a plan in force in real Chromium at tablet width: the clinician starts it and rates each
 * objective (in English), the resident adds their comment from their own plan (in Spanish), and the
 * clinician signs the review. axe-core checks every screen at WCAG 2.1 AA.
 */
class PlanReviewBrowserTests extends BrowserJourneys {

	@Autowired
	DemoSignIns signIns;

	@Autowired
	ReviewFixtures fixtures;

	MilieuUser resident;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@BeforeEach
	void aResidentWithAPlanInForce() {
		resident = signIns.user(fixtures.aResidentWithPlanInForce());
	}

	@Test
	void theClinicianRatesEachObjectiveTheResidentCommentsInSpanishAndTheClinicianSigns(TestInfo test) {
		String plan = "/residents/" + resident.residentId() + "/plan";
		journey(test, () -> {
			open("/login");
			signIn("clinician");
			open(plan);
			new Select(browser.findElement(By.id("review-reason"))).selectByValue("SCHEDULED");
			assertAccessible("the plan page with its reviews");
			browser.findElement(By.id("start-review")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-notice")));
			assertThat(heading()).isEqualTo("Plan review");
			assertThat(browser.findElement(By.id("rate-all")).getText()).contains("Rate every objective");
			browser.findElement(By.cssSelector("label[for='rating-0-MET']")).click();
			browser.findElement(By.id("comment-0")).sendKeys("Six meetings this month");
			browser.findElement(By.cssSelector("label[for='rating-1-PROGRESSING']")).click();
			browser.findElement(By.id("review-summary")).sendKeys("A steady month");
			assertAccessible("the clinician's review form");
			assertFitsTheTablet("the clinician's review form");
			browser.findElement(By.id("save-review")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-review")));
			String review = browser.getCurrentUrl();

			switchTo(resident.getUsername());
			open("/me/plan?lang=es");
			assertThat(browser.findElement(By.id("plan-reviews")).getText()).contains("Revisiones", "Cumplido", "Avanzando");
			assertAccessible("the resident's plan with its reviews in Spanish");
			String reviewId = review.substring(review.lastIndexOf('/') + 1);
			browser.findElement(By.cssSelector("#reviews-table a[href$='" + reviewId + "']")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-comment")));
			assertThat(heading()).isEqualTo("Revisión de mi plan");
			browser.findElement(By.id("review-comment")).sendKeys("Quiero seguir con la reunión del martes");
			browser.findElement(By.id("save-comment")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-notice")));
			assertThat(browser.findElement(By.id("review-comment")).getText()).isEqualTo("Quiero seguir con la reunión del martes");
			assertAccessible("the resident's review in Spanish");
			assertFitsTheTablet("the resident's review in Spanish");

			switchTo("clinician");
			open(review.substring(review.indexOf("/residents/")) + "?lang=en");
			assertThat(browser.findElement(By.id("resident-comment-text")).getText())
				.isEqualTo("Quiero seguir con la reunión del martes");
			browser.findElement(By.id("sign-review")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
			assertThat(browser.findElement(By.cssSelector("label[for='meaning-reviewed-with-resident']")).getText())
				.isEqualTo("I reviewed this plan with the resident");
			browser.findElement(By.id("password")).sendKeys(PlanFixtures.DEMO_PASSWORD);
			browser.findElement(By.id("sign")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-locked")));
			assertThat(browser.findElement(By.id("review-signatures")).getText())
				.contains("I reviewed this plan with the resident", "Signature matches the document");
			assertThat(browser.findElements(By.id("save-review"))).isEmpty();
			assertAccessible("the signed review");
			assertFitsTheTablet("the signed review");
		});
	}

	/** Another person takes the tablet: a new session, signed in afresh. */
	private void switchTo(String username) {
		browser.manage().deleteAllCookies();
		open("/login");
		signIn(username);
	}
}
