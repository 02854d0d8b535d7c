package org.milieu.signatures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.signatures.SignableDocument;
import org.milieu.signatures.SigningFixtures;
import org.milieu.signatures.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The signature API: statuses and problem documents for every way a signature can be refused. */
@MilieuWebTest
class SignatureApiWebTests {

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

	@BeforeEach
	void aPlanOfResident01() {
		MilieuUser resident = signIns.user("resident01");
		UUID house = jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(resident.residentId()).query(UUID.class).single();
		plan = documents.write(resident.programId().value(), resident.residentId(), house, UUID.randomUUID(), 1,
				"Plan for the spring", "Goal: keep the morning routine.");
	}

	@Test
	void aClinicianSignsAndTheListingShowsTheSignatureAsMatching() throws Exception {
		mvc.perform(sign("clinician", body("reviewed", plan.contentHash(), "milieu-demo")))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.signerRole").value("CLINICIAN"))
			.andExpect(jsonPath("$.meaningText").value("Reviewed by"))
			.andExpect(jsonPath("$.contentHash").value(plan.contentHash()))
			.andExpect(jsonPath("$.method").value("PASSWORD"));

		mvc.perform(list("clinician"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].verification.status").value("VALID"));
	}

	@Test
	void theMeaningIsShownAndStoredInTheCallersLanguage() throws Exception {
		mvc.perform(sign("clinician", body("reviewed", plan.contentHash(), "milieu-demo")).header("Accept-Language", "es"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.meaningText").value("Revisado por"))
			.andExpect(jsonPath("$.meaningLanguage").value("es"));
	}

	@Test
	void aWrongPasswordIs401NothingIsSignedAndTheFailureCountsEvenUnderAnIdempotencyKey() throws Exception {
		String clinician = fixtures.aClinicianOfResident01sHouse();
		mvc.perform(sign(clinician, body("reviewed", plan.contentHash(), "not my password")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:credential-refused"))
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		mvc.perform(sign(clinician, body("reviewed", plan.contentHash(), "not my password either"))
			.header("Idempotency-Key", "sign-" + UUID.randomUUID()))
			.andExpect(status().isUnauthorized());

		assertThat(stored()).isZero();
		assertThat(jdbc.sql("select count(*) from identity_sign_in_failure where account_id = ?")
			.param(signIns.user(clinician).accountId()).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void noPasswordIs422NamingIt() throws Exception {
		mvc.perform(sign("clinician", body("reviewed", plan.contentHash(), "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
	}

	@Test
	void aStaleVersionIs412() throws Exception {
		String seen = plan.contentHash();
		documents.tamper(plan.documentId(), 1, "Goal: changed meanwhile.");

		mvc.perform(sign("clinician", body("reviewed", seen, "milieu-demo")))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:stale-version"));
		assertThat(stored()).isZero();
	}

	@Test
	void aSecondSignatureOfTheSameMeaningIs409() throws Exception {
		mvc.perform(sign("clinician", body("reviewed", plan.contentHash(), "milieu-demo"))).andExpect(status().isCreated());
		mvc.perform(sign("clinician", body("reviewed", plan.contentHash(), "milieu-demo")))
			.andExpect(status().isConflict());
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void aMeaningThatIsNotTheCallersIs422NamingMeaning() throws Exception {
		mvc.perform(sign("clinician", body("agreed", plan.contentHash(), "milieu-demo")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("meaning"));
		mvc.perform(sign("clinician", body("no-such-meaning", plan.contentHash(), "milieu-demo")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("meaning"));
	}

	@Test
	void anUnknownKindOrAMalformedHashIs422NamingTheField() throws Exception {
		mvc.perform(sign("clinician", body("reviewed", plan.contentHash(), "milieu-demo").replace(TestDocuments.KIND, "no-such-kind")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(sign("clinician", body("reviewed", "abc", "milieu-demo")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("contentHash"));
	}

	@Test
	void staffMayNotSignAClinicalDocumentAndFamilyMayNotUseTheApi() throws Exception {
		mvc.perform(sign("staff", body("reviewed", plan.contentHash(), "milieu-demo")))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(sign("family", body("reviewed", plan.contentHash(), "milieu-demo"))).andExpect(status().isForbidden());
		mvc.perform(list("staff")).andExpect(status().isForbidden());
		assertThat(stored()).isZero();
	}

	@Test
	void aResidentDeclinesWithAReasonAndTheListingShowsIt() throws Exception {
		String decline = body("agreed", plan.contentHash(), "milieu-demo").replace("}", ", \"reason\": \"Not yet.\"}");
		mvc.perform(post("/api/v1/signatures/declines").with(signIns.as("resident01")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(decline))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.declined").value(true))
			.andExpect(jsonPath("$.declineReason").value("Not yet."));
		mvc.perform(list("resident01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].declined").value(true));
	}

	@Test
	void aDeclineWithoutReasonIs422() throws Exception {
		mvc.perform(post("/api/v1/signatures/declines").with(signIns.as("resident01")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body("agreed", plan.contentHash(), "milieu-demo")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
	}

	@Test
	void aTamperedSignedRowIsListedAsNotMatching() throws Exception {
		mvc.perform(sign("clinician", body("reviewed", plan.contentHash(), "milieu-demo"))).andExpect(status().isCreated());
		documents.tamper(plan.documentId(), 1, "Goal: something nobody signed.");

		mvc.perform(list("clinician"))
			.andExpect(jsonPath("$.items[0].verification.status").value("DOES_NOT_MATCH"))
			.andExpect(jsonPath("$.items[0].verification.storedHash").value(plan.contentHash()));
	}

	@Test
	void aRetryWithTheSameIdempotencyKeySignsOnce() throws Exception {
		String key = "sign-" + UUID.randomUUID();
		String body = body("reviewed", plan.contentHash(), "milieu-demo");
		mvc.perform(sign("clinician", body).header("Idempotency-Key", key)).andExpect(status().isCreated());
		mvc.perform(sign("clinician", body).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"));
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void handedTheTabletTheResidentSignsWithTheirOwnCredential() throws Exception {
		String handedOver = body("agreed", plan.contentHash(), "milieu-demo").replace("}", ", \"username\": \"resident01\"}");
		mvc.perform(sign("clinician", handedOver))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.signerRole").value("RESIDENT"))
			.andExpect(jsonPath("$.sessionAccountId").value(signIns.user("clinician").accountId().toString()));
	}

	private String body(String meaning, String hash, String password) {
		return "{\"kind\": \"" + TestDocuments.KIND + "\", \"documentId\": \"" + plan.documentId() + "\", \"version\": 1, "
				+ "\"meaning\": \"" + meaning + "\", \"contentHash\": \"" + hash + "\", \"password\": \"" + password + "\"}";
	}

	private MockHttpServletRequestBuilder sign(String who, String body) {
		return post("/api/v1/signatures").with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private MockHttpServletRequestBuilder list(String who) {
		return get("/api/v1/signatures").with(signIns.as(who)).param("kind", TestDocuments.KIND)
			.param("documentId", plan.documentId().toString()).param("version", "1");
	}

	private int stored() {
		return jdbc.sql("select count(*) from sig_signature where document_id = ?").param(plan.documentId())
			.query(Integer.class).single();
	}
}
