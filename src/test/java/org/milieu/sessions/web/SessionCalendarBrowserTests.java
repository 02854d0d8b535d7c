package org.milieu.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The calendar in real Chromium at tablet width, in English and in Spanish: a clinician schedules a
 * weekly session from the form, sees it in the house's week, and a second booking at the same time
 * is refused with a message naming the facilitator, the session and when, the entered values kept.
 * axe-core checks every screen at WCAG 2.1 AA.
 */
class SessionCalendarBrowserTests extends BrowserJourneys {

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void aClinicianSchedulesAWeeklySessionSeesItInTheWeekAndADoubleBookingIsRefused(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("clinician");
			schedule("Weekly coping group", "2033-03-07");
			assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1#session-title"))).getText()).isEqualTo("Weekly coping group");
			assertAccessible("a scheduled session with its next occurrences");

			browser.findElement(By.linkText("Back to the calendar")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-range")));
			assertThat(browser.findElement(By.id("main")).getText()).contains("Weekly coping group", "10:00");
			assertAccessible("the house's week");
			assertFitsTheTablet("the house's week");

			schedule("Clashing group", "2033-03-07");
			WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-error")));
			assertThat(error.getText()).contains("already facilitates", "Weekly coping group", "2033-03-07", "10:00");
			assertThat(browser.findElement(By.id("session-title")).getAttribute("value")).isEqualTo("Clashing group");
			assertAccessible("the schedule form with a refused double booking");
		});
	}

	@Test
	void enEspanolUnaDobleReservaSeRechazaConUnMensajeClaro(TestInfo test) {
		journey(test, () -> {
			open("/login?lang=es");
			signIn("clinician");
			schedule("Grupo semanal", "2034-03-06");
			assertAccessible("una sesión programada");
			browser.findElement(By.linkText("Volver al calendario")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-range")));
			assertThat(browser.findElement(By.id("main")).getText()).contains("Grupo semanal");
			assertAccessible("la semana de la casa");

			schedule("Grupo que choca", "2034-03-06");
			WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-error")));
			assertThat(error.getText()).contains("ya facilita", "Grupo semanal");
			assertAccessible("el formulario con una doble reserva rechazada");
		});
	}

	private void schedule(String title, String monday) {
		open("/sessions/new");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-form")));
		browser.findElement(By.id("session-title")).sendKeys(title);
		Select house = new Select(browser.findElement(By.id("session-house")));
		house.selectByVisibleText(house.getOptions().stream().map(WebElement::getText).filter(t -> t.startsWith("Bayview"))
			.findFirst().orElseThrow());
		browser.findElement(By.id("session-room")).sendKeys("Group room");
		JavascriptExecutor js = (JavascriptExecutor) browser;
		js.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("session-date")), monday);
		js.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("session-time")), "10:00");
		browser.findElement(By.id("repeat-weekly")).click();
		browser.findElement(By.id("day-MO")).click();
		browser.findElement(By.id("session-count")).sendKeys("6");
		// the answer is a new page, the detail or the form again with its error: read nothing before it
		clickToNewPage(browser.findElement(By.id("session-submit")));
	}
}
