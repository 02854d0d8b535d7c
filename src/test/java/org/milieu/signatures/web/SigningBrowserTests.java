package org.milieu.signatures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.milieu.BrowserJourneys;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.signatures.SignableDocument;
import org.milieu.signatures.SigningFixtures;
import org.milieu.signatures.TestDocuments;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signing page in real Chromium at tablet width, in English and in Spanish: a clinician signs
 * with their password, hands the tablet to the resident, who signs (or declines) with their own
 * credential while the clinician's session goes on. axe-core checks every screen at WCAG 2.1 AA.
 */
class SigningBrowserTests extends BrowserJourneys {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	TestDocuments documents;

	@Autowired
	SigningFixtures fixtures;

	SignableDocument plan;

	@Override
	protected String windowSize() {
		return "768,1024";
	}

	@BeforeEach
	void aPlanOfResident01() {
		MilieuUser resident = signIns.user("resident01");
		UUID house = jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(resident.residentId()).query(UUID.class).single();
		plan = documents.write(resident.programId().value(), resident.residentId(), house, UUID.randomUUID(), 1,
				"Plan for the spring", "Goal: keep the morning routine.");
	}

	@Test
	void theClinicianSignsThenHandsTheTabletToTheResidentWhoSigns(TestInfo test) {
		String clinician = fixtures.aClinicianOfResident01sHouse();
		journey(test, () -> {
			open("/login");
			signIn(clinician, SigningFixtures.PASSWORD);
			String path = "/sign/" + TestDocuments.KIND + "/" + plan.documentId() + "/1";
			open(path);
			assertThat(heading()).isEqualTo("Sign this document");
			assertThat(browser.findElement(By.id("document-title")).getText()).isEqualTo("Plan for the spring");
			assertAccessible("the signing page as clinician");
			assertFitsTheTablet("the signing page as clinician");

			browser.findElement(By.id("password")).sendKeys("not my password");
			browser.findElement(By.id("sign")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signature-error")));
			assertThat(browser.findElement(By.id("signature-error")).getText()).contains("not right");
			assertAccessible("the signing page with a wrong password");

			browser.findElement(By.id("password")).sendKeys(SigningFixtures.PASSWORD);
			browser.findElement(By.id("sign")).click();
			wait.until(ExpectedConditions.urlMatches(".*/residents$"));

			open(path);
			assertThat(browser.findElement(By.id("signatures")).getText()).contains("Reviewed by");
			browser.findElement(By.id("hand-over")).click();
			wait.until(ExpectedConditions.urlMatches(".*/hand-over$"));
			assertThat(heading()).isEqualTo("Your signature, please");
			// the clinician is gone from the screen (their name, menu and sign-out), not from the session; the
			// signatures already given stay listed as part of the document
			assertThat(browser.findElements(By.cssSelector("a[href='/account'], #site-nav, form.sign-out, #signer"))).isEmpty();
			assertThat(browser.findElement(By.tagName("header")).getText())
				.doesNotContain(signIns.user(clinician).displayName());
			assertAccessible("the hand-over page");
			assertFitsTheTablet("the hand-over page");

			browser.findElement(By.id("username")).sendKeys("resident01");
			browser.findElement(By.id("password")).sendKeys("milieu-demo");
			browser.findElement(By.id("sign")).click();
			wait.until(ExpectedConditions.urlMatches(".*/residents$"));

			assertThat(jdbc.sql("select signer_account_id from sig_signature where document_id = ? and meaning_code = 'agreed'")
				.param(plan.documentId()).query(UUID.class).single()).isEqualTo(signIns.user("resident01").accountId());
			open("/account");
			assertThat(browser.findElement(By.tagName("main")).getText()).contains(signIns.user(clinician).displayName());
		});
	}

	@Test
	void aClinicianWithAPasskeySignsWithItInsteadOfThePassword(TestInfo test) {
		String clinician = fixtures.aClinicianOfResident01sHouse();
		VirtualAuthenticator device = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
		try {
			journey(test, () -> {
				open("/login");
				signIn(clinician, SigningFixtures.PASSWORD);
				open("/account/passkeys");
				browser.findElement(By.id("label")).sendKeys("unit tablet");
				browser.findElement(By.cssSelector("#passkey-register button[type=submit]")).click();
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("passkeys")));
				assertThat(device.getCredentials()).hasSize(1);

				open("/sign/" + TestDocuments.KIND + "/" + plan.documentId() + "/1?lang=es");
				WebElement passkey = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-with-passkey")));
				assertThat(passkey.getText()).isEqualTo("Firmar con una llave de acceso");
				assertAccessible("the signing page offering a passkey, in Spanish");
				passkey.click();
				wait.until(ExpectedConditions.urlMatches(".*/residents$"));

				assertThat(jdbc.sql("select method || ' ' || signer_username from sig_signature where document_id = ?")
					.param(plan.documentId()).query(String.class).single()).isEqualTo("PASSKEY " + clinician);
				open("/sign/" + TestDocuments.KIND + "/" + plan.documentId() + "/1");
				assertThat(browser.findElement(By.id("signatures")).getText()).contains("Revisado por", "La firma coincide");
			});
		}
		finally {
			((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(device);
		}
	}

	@Test
	void inSpanishTheResidentHandedTheTabletDeclinesWithAReason(TestInfo test) {
		journey(test, () -> {
			open("/login");
			signIn("clinician");
			String path = "/sign/" + TestDocuments.KIND + "/" + plan.documentId() + "/1";
			open(path + "?lang=es");
			assertThat(heading()).isEqualTo("Firmar este documento");
			assertAccessible("the signing page in Spanish");
			assertFitsTheTablet("the signing page in Spanish");

			browser.findElement(By.id("hand-over")).click();
			wait.until(ExpectedConditions.urlMatches(".*/hand-over$"));
			assertThat(heading()).isEqualTo("Su firma, por favor");
			assertThat(browser.findElement(By.cssSelector("label[for='meaning-agreed']")).getText())
				.isEqualTo("He leído esto y estoy de acuerdo");
			assertAccessible("the hand-over page in Spanish");
			assertFitsTheTablet("the hand-over page in Spanish");

			browser.findElement(By.id("username")).sendKeys("resident01");
			browser.findElement(By.id("password")).sendKeys("milieu-demo");
			browser.findElement(By.id("decline")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signature-error")));
			assertThat(browser.findElement(By.id("signature-error")).getText()).contains("Indique por qué");
			assertAccessible("the hand-over page in Spanish with an error");

			browser.findElement(By.id("username")).sendKeys("resident01");
			browser.findElement(By.id("password")).sendKeys("milieu-demo");
			browser.findElement(By.id("reason")).sendKeys("Quiero hablarlo antes con mi familia.");
			browser.findElement(By.id("decline")).click();
			wait.until(ExpectedConditions.urlMatches(".*/residents$"));

			assertThat(jdbc.sql("select decline_reason from sig_signature where document_id = ?").param(plan.documentId())
				.query(String.class).single()).isEqualTo("Quiero hablarlo antes con mi familia.");
			assertThat(jdbc.sql("select meaning_language from sig_signature where document_id = ?").param(plan.documentId())
				.query(String.class).single()).isEqualTo("es");
		});
	}
}
