package org.milieu.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What is due of the plans and the plan settings in real Chromium at tablet width, in English and in
 * Spanish: the clinician's list, a resident's schedule with a refused and a saved interval, and the
 * director's settings with a refused deadline. axe-core checks every screen at WCAG 2.1 AA.
 */
class PlanScheduleBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void theClinicianReadsWhatIsDueAndSetsAResidentsOwnInterval(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("clinician");
			open("/plans");
			assertThat(heading()).isEqualTo("Treatment plans: what is due");
			assertThat(browser.findElement(By.id("plans-due")).getText()).contains("First plan", "Next review");
			assertAccessible("the list of what is due");
			assertFitsTheTablet("the list of what is due");

			browser.findElement(By.cssSelector("#plans-due tbody tr:first-child td:last-child a")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("interval-heading")));
			assertThat(heading()).startsWith("Plan schedule of");
			browser.findElement(By.id("days")).sendKeys("21");
			browser.findElement(By.cssSelector("form[action$='/plan/schedule'] button[type='submit']")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("schedule-error")));
			assertThat(browser.findElement(By.id("schedule-error")).getText()).isEqualTo("This field is required.");
			assertAccessible("the schedule with a refusal");
			browser.findElement(By.id("days")).sendKeys("21");
			browser.findElement(By.id("reason")).sendKeys("Settled in well: every three weeks");
			browser.findElement(By.cssSelector("form[action$='/plan/schedule'] button[type='submit']")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-info")));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("21 days (set for this resident)");
			assertAccessible("the schedule with its own interval");
			assertFitsTheTablet("the schedule with its own interval");

			open("/plans?lang=es");
			assertThat(heading()).isEqualTo("Planes de tratamiento: qué vence");
			assertThat(browser.findElement(By.id("plans-due")).getText()).contains("Primer plan", "Próxima revisión");
			assertAccessible("the list of what is due in Spanish");
			assertFitsTheTablet("the list of what is due in Spanish");
		});
	}

	@Test
	void theDirectorSeesTheSettingsAndARefusedDeadlineInBothLanguages(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("director");
			open("/plans");
			browser.findElement(By.cssSelector("a[href='/plans/settings']")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-areas")));
			assertThat(heading()).isEqualTo("Plan settings");
			assertThat(browser.findElement(By.id("plan-areas")).getText()).contains("Dimension 1: intoxication and withdrawal");
			assertAccessible("the plan settings");
			assertFitsTheTablet("the plan settings");
			browser.findElement(By.id("initialPlanDays")).clear();
			browser.findElement(By.id("initialPlanDays")).sendKeys("400");
			browser.findElement(By.cssSelector("form[action='/plans/settings'] button[type='submit']")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings-error")));
			assertThat(browser.findElement(By.id("settings-error")).getText()).isEqualTo("Give a number of days from 1 to 365.");
			assertThat(browser.findElement(By.id("initialPlanDays")).getAttribute("aria-invalid")).isEqualTo("true");
			assertAccessible("the plan settings with a refusal");

			open("/plans/settings?lang=es");
			assertThat(heading()).isEqualTo("Ajustes de los planes");
			assertThat(browser.findElement(By.id("plan-areas")).getText()).contains("Dimensión 1: intoxicación y abstinencia");
			assertAccessible("the plan settings in Spanish");
			assertFitsTheTablet("the plan settings in Spanish");
		});
	}
}
