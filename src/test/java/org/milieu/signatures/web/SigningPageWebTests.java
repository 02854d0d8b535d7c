package org.milieu.signatures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.signatures.SignableDocument;
import org.milieu.signatures.SigningFixtures;
import org.milieu.signatures.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The signing page: what it shows, what it refuses, and the hand-over to the resident. */
@MilieuWebTest
class SigningPageWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	TestDocuments documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SigningFixtures fixtures;

	SignableDocument plan;

	String path;

	@BeforeEach
	void aPlanOfResident01() {
		MilieuUser resident = signIns.user("resident01");
		UUID house = jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(resident.residentId()).query(UUID.class).single();
		plan = documents.write(resident.programId().value(), resident.residentId(), house, UUID.randomUUID(), 1,
				"Plan for the spring", "Goal: keep the morning routine.");
		path = "/sign/" + TestDocuments.KIND + "/" + plan.documentId() + "/1";
	}

	@Test
	void theClinicianSeesTheTitleTheMeaningInWordsAndTheWayToHandOver() throws Exception {
		Document page = page("clinician", path);

		assertThat(page.getElementById("document-title").text()).isEqualTo("Plan for the spring");
		assertThat(page.select("label[for=meaning-reviewed]").text()).isEqualTo("Reviewed by");
		assertThat(page.select("input[name=contentHash]").val()).isEqualTo(plan.contentHash());
		assertThat(page.getElementById("password")).isNotNull();
		assertThat(page.getElementById("hand-over")).isNotNull();
		assertThat(page.getElementById("signer").text()).contains(signIns.user("clinician").displayName());
	}

	@Test
	void theSpanishPageSpeaksSpanish() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get(path).with(signIns.as("clinician")).header("Accept-Language", "es"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

		assertThat(page.select("label[for=meaning-reviewed]").text()).isEqualTo("Revisado por");
		assertThat(page.getElementById("sign").text()).isEqualTo("Firmar");
	}

	@Test
	void signingWithTheRightPasswordReturnsToTheDocument() throws Exception {
		mvc.perform(signPost("clinician", "reviewed", "milieu-demo")).andExpect(redirectedUrl("/residents"));

		assertThat(stored()).isEqualTo(1);
		assertThat(page("clinician", path).select("#signatures li").text()).contains("Reviewed by")
			.contains("Signature matches the document");
	}

	@Test
	void aSignedRowChangedInTheDatabaseShowsAsNotMatching() throws Exception {
		mvc.perform(signPost("clinician", "reviewed", "milieu-demo")).andExpect(redirectedUrl("/residents"));
		documents.tamper(plan.documentId(), 1, "Goal: something nobody signed.");

		assertThat(page("clinician", path).select("#signatures li .signature-mismatch").text())
			.isEqualTo("Signature does not match the document");
		Document spanish = Jsoup.parse(mvc.perform(get(path).with(signIns.as("clinician")).header("Accept-Language", "es"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(spanish.select("#signatures li .signature-mismatch").text()).isEqualTo("La firma no coincide con el documento");
	}

	@Test
	void aWrongPasswordShowsAReadableMessageAndSignsNothing() throws Exception {
		String html = mvc.perform(signPost(fixtures.aClinicianOfResident01sHouse(), "reviewed", "wrong password"))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();

		assertThat(Jsoup.parse(html).getElementById("signature-error").text()).contains("password");
		assertThat(stored()).isZero();
	}

	@Test
	void declineWithoutAReasonIsRefusedWithAMessage() throws Exception {
		String html = mvc.perform(signPost("resident01", "agreed", "milieu-demo").param("decision", "decline"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

		assertThat(Jsoup.parse(html).getElementById("signature-error").text()).contains("why");
		assertThat(stored()).isZero();
	}

	@Test
	void theHandOverScreenForgetsTheClinicianAndTheResidentSignsAsThemself() throws Exception {
		Document handOver = page("clinician", path + "/hand-over");
		assertThat(handOver.text()).doesNotContain(signIns.user("clinician").displayName());
		assertThat(handOver.select("a[href=/account]")).isEmpty();
		assertThat(handOver.getElementById("username")).isNotNull();
		assertThat(handOver.select("label[for=meaning-agreed]").text()).isEqualTo("I have read this and I agree to it");

		mvc.perform(signPost("clinician", "agreed", "milieu-demo").param("handedOver", "true").param("username", "resident01"))
			.andExpect(redirectedUrl("/residents"));

		assertThat(jdbc.sql("select signer_account_id from sig_signature where document_id = ?").param(plan.documentId())
			.query(UUID.class).single()).isEqualTo(signIns.user("resident01").accountId());
		assertThat(jdbc.sql("select session_account_id from sig_signature where document_id = ?").param(plan.documentId())
			.query(UUID.class).single()).isEqualTo(signIns.user("clinician").accountId());
	}

	@Test
	void aResidentSignsTheirOwnPlanFromTheirOwnSignIn() throws Exception {
		Document page = page("resident01", path);
		assertThat(page.select("label[for=meaning-agreed]").text()).isEqualTo("I have read this and I agree to it");
		assertThat(page.getElementById("hand-over")).isNull();

		mvc.perform(signPost("resident01", "agreed", "milieu-demo")).andExpect(redirectedUrl("/residents"));

		assertThat(jdbc.sql("select session_account_id is null and signer_role = 'RESIDENT' from sig_signature where document_id = ?")
			.param(plan.documentId()).query(Boolean.class).single()).isTrue();
	}

	@Test
	void aPasskeyChallengeAsksTheDeviceToVerifyItsUserAndNamesNoPasskeyOnTheHandOver() throws Exception {
		String own = mvc.perform(post("/sign/passkey-challenge").with(signIns.as("clinician")).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String handOver = mvc.perform(post("/sign/passkey-challenge").param("handedOver", "true")
			.with(signIns.as("clinician")).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(own).contains("\"userVerification\":\"required\"").contains("\"challenge\":\"");
		assertThat(handOver).contains("\"userVerification\":\"required\"").doesNotContain("\"allowCredentials\":[{");
	}

	@Test
	void aPasskeyAnswerThatIsNotOneIsRefusedAsAWrongCredentialAndSignsNothing() throws Exception {
		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		String clinician = fixtures.aClinicianOfResident01sHouse();
		mvc.perform(post("/sign/passkey-challenge").session(session).with(signIns.as(clinician)).with(csrf()))
			.andExpect(status().isOk());

		String html = mvc.perform(post(path).session(session).with(signIns.as(clinician)).with(csrf())
			.param("meaning", "reviewed").param("contentHash", plan.contentHash())
			.param("passkey", "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}"))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();

		assertThat(Jsoup.parse(html).getElementById("signature-error").text()).contains("not right");
		assertThat(stored()).isZero();
		assertThat(jdbc.sql("select count(*) from audit_record where detail like 'signing: passkey not accepted%'")
			.query(Integer.class).single()).isPositive();
	}

	@Test
	void aPasskeyAnswerWithoutAChallengeIsRefused() throws Exception {
		mvc.perform(post(path).with(signIns.as(fixtures.aClinicianOfResident01sHouse())).with(csrf())
			.param("meaning", "reviewed").param("contentHash", plan.contentHash()).param("passkey", "{}"))
			.andExpect(status().isUnauthorized());

		assertThat(stored()).isZero();
	}

	@Test
	void aResidentCannotOpenTheSigningPageOfSomeoneElsesPlan() throws Exception {
		mvc.perform(get(path).with(signIns.as("resident02"))).andExpect(status().isForbidden());
	}

	@Test
	void familyCannotOpenTheSigningPage() throws Exception {
		mvc.perform(get(path).with(signIns.as("family"))).andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signPost(String who, String meaning,
			String password) {
		return post(path).with(signIns.as(who)).with(csrf()).param("meaning", meaning)
			.param("contentHash", plan.contentHash()).param("password", password);
	}

	private Document page(String who, String at) throws Exception {
		return Jsoup.parse(mvc.perform(get(at).with(signIns.as(who))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	private int stored() {
		return jdbc.sql("select count(*) from sig_signature where document_id = ?").param(plan.documentId())
			.query(Integer.class).single();
	}
}
