package org.milieu.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

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
 * The whole life of a plan in real Chromium at tablet width: the clinician drafts it from a template
 * and makes every part the resident's own, the resident adds a goal in their words and signs (in
 * Spanish), the clinician signs; a later edit makes version 2, which asks for both signatures again;
 * a review rates each objective and is signed; the PDF shows both versions' signatures as valid.
 * axe-core checks the screens at WCAG 2.1 AA.
 */
class PlanJourneyBrowserTests extends BrowserJourneys {

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@Test
	void fromATemplateToTwoSignedVersionsAReviewAndThePdf(TestInfo test) {
		MilieuUser resident = signIns.user(fixtures.aResidentWithoutPlan());
		String page = "/residents/" + resident.residentId() + "/plan";
		journey(test, () -> {
			open("/login");
			signIn("clinician");
			open(page);
			browser.findElement(By.id("start-plan")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("apply-template")));
			Select templates = new Select(browser.findElement(By.id("template-id")));
			templates.selectByVisibleText(templates.getOptions().stream().map(WebElement::getText)
				.filter(t -> t.startsWith("Evening cravings")).findFirst().orElseThrow());
			browser.findElement(By.id("apply-template")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".template-note")));
			assertAccessible("the draft from a template");
			makeEveryTemplatePartTheResidentsOwn();
			assertThat(browser.findElements(By.cssSelector(".template-note"))).isEmpty();

			switchTo(resident.getUsername());
			open("/me/plan?lang=es");
			browser.findElement(By.id("own-text")).sendKeys("Cocinar para mis hijos el domingo");
			browser.findElement(By.id("add-own")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-goal")));
			assertAccessible("the resident's draft in Spanish");
			signAs(PlanFixtures.DEMO_PASSWORD, "Estoy de acuerdo con este plan");

			switchTo("clinician");
			open(page + "?lang=en");
			signAs(PlanFixtures.DEMO_PASSWORD, "I wrote this plan with the resident");
			open(page);
			assertThat(browser.findElement(By.id("version-heading")).getText()).contains("Version 1", "in force");

			browser.findElement(By.id("new-version")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-notice")));
			open(page + "?version=2");
			new Select(browser.findElement(By.id("item-kind"))).selectByValue("STRENGTH");
			browser.findElement(By.id("item-text")).sendKeys("Kept every appointment this month");
			browser.findElement(By.id("add-part")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-notice")));
			assertThat(browser.findElement(By.id("version-heading")).getText()).contains("Version 2");
			assertThat(browser.findElement(By.id("signatures-heading")).findElement(By.xpath("..")).getText())
				.contains("Nobody has signed this version yet");
			assertAccessible("version 2, a draft again");
			assertFitsTheTablet("version 2, a draft again");
			signAs(PlanFixtures.DEMO_PASSWORD, "I wrote this plan with the resident");

			switchTo(resident.getUsername());
			open("/me/plan?version=2&lang=es");
			signAs(PlanFixtures.DEMO_PASSWORD, "Estoy de acuerdo con este plan");

			switchTo("clinician");
			open(page + "?lang=en");
			assertThat(browser.findElement(By.id("version-heading")).getText()).contains("Version 2", "in force");
			new Select(browser.findElement(By.id("review-reason"))).selectByValue("SCHEDULED");
			browser.findElement(By.id("start-review")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-notice")));
			List<WebElement> met = browser.findElements(By.cssSelector("input[type=radio][id$='-MET']"));
			assertThat(met).isNotEmpty();
			for (WebElement rating : met) {
				browser.findElement(By.cssSelector("label[for='" + rating.getAttribute("id") + "']")).click();
			}
			browser.findElement(By.id("review-summary")).sendKeys("Every objective met this month");
			assertAccessible("the review with every objective rated");
			browser.findElement(By.id("save-review")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-review")));
			browser.findElement(By.id("sign-review")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
			browser.findElement(By.id("password")).sendKeys(PlanFixtures.DEMO_PASSWORD);
			browser.findElement(By.id("sign")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-locked")));

			String pdf = pdfText("/api/v1/residents/" + resident.residentId() + "/plan.pdf");
			assertThat(pdf).contains("Version 2", "Version 1", "Every objective met this month")
				.doesNotContain("does not match");
			assertThat(pdf.split("Signature matches the document", -1).length - 1).isGreaterThanOrEqualTo(4);
		});
	}

	/** Rewrites, one by one, every part still word for word its template's text. */
	private void makeEveryTemplatePartTheResidentsOwn() {
		for (int part = 1; part <= 20; part++) {
			List<WebElement> marked = browser.findElements(By.xpath("//li[.//*[contains(@class, 'template-note')]]"));
			if (marked.isEmpty()) {
				return;
			}
			WebElement item = marked.get(0);
			item.findElement(By.tagName("summary")).click();
			WebElement text = item.findElement(By.cssSelector("textarea[name='text']"));
			String words = text.getAttribute("value");
			text.clear();
			text.sendKeys(words + ", as Robin puts it (" + part + ")");
			clickToNewPage(item.findElement(By.cssSelector("button[type='submit']")));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-notice")));
		}
	}

	/** Follows the page's sign link and signs the version with the password, in the meaning the page offers first. */
	private void signAs(String password, String meaning) {
		browser.findElement(By.id("sign-link")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signing-form")));
		assertThat(browser.findElement(By.id("signing-form")).getText()).containsIgnoringCase(meaning);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign/")));
	}

	/** The PDF at {@code path}, fetched with the browser's session, as its text. */
	private String pdfText(String path) {
		try {
			return fetchedPdfText(path);
		}
		catch (java.io.IOException | InterruptedException failed) {
			throw new IllegalStateException(failed);
		}
	}

	private String fetchedPdfText(String path) throws java.io.IOException, InterruptedException {
		String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + path)).header("Cookie", cookies).header("Accept-Language", "en")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(answer.statusCode()).isEqualTo(200);
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(answer.body())) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	/** Another person takes the tablet: a new session, signed in afresh. */
	private void switchTo(String username) {
		browser.manage().deleteAllCookies();
		open("/login");
		signIn(username);
	}
}
