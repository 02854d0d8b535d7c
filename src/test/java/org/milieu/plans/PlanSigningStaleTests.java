package org.milieu.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A plan version changed between the moment the clinician was shown it and the moment they sign:
 * the resident added a goal meanwhile. The signature is refused as stale (412 on the API, a readable
 * message on the signing page) and nothing is signed; signing what is there now works.
 */
@MilieuWebTest
class PlanSigningStaleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	PlanDocuments documents;

	@Autowired
	JdbcClient jdbc;

	MilieuUser clinician;

	MilieuUser resident;

	PlanVersion draft;

	String seen;

	@BeforeEach
	void aDraftTheClinicianWasShown() {
		clinician = signIns.user("clinician");
		resident = signIns.user(fixtures.aResidentWithoutPlan());
		PlanVersion started = plans.startVersion(clinician, resident.residentId(), LocalDate.of(2026, 12, 1));
		draft = plans.revise(clinician, resident.residentId(), 1, started.revision(), new PlanDraft(LocalDate.of(2026, 12, 1),
				List.of(new NewItem(null, ItemKind.PROBLEM, "ASAM3_EMOTIONAL_BEHAVIOURAL", "I get angry fast",
						"Low frustration tolerance", null, null, null, null))));
		seen = documents.document(draft.planId(), 1).orElseThrow().contentHash();
		plans.addOwnWords(resident, resident.residentId(), 1, ItemKind.GOAL, "Walk away and breathe before I answer");
	}

	@Test
	void signingThroughTheApiWhatWasShownBeforeTheResidentsGoalIs412AndSignsNothing() throws Exception {
		mvc.perform(sign(seen)).andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:stale-version"));
		assertThat(signatures()).isZero();

		String now = documents.document(draft.planId(), 1).orElseThrow().contentHash();
		assertThat(now).isNotEqualTo(seen);
		mvc.perform(sign(now)).andExpect(status().isCreated());
		assertThat(signatures()).isEqualTo(1);
	}

	@Test
	void signingOnThePageWhatWasShownBeforeTheResidentsGoalSaysSoAndSignsNothing() throws Exception {
		String html = mvc.perform(post("/sign/" + PlanDocuments.KIND + "/" + draft.planId() + "/1").with(signIns.as("clinician"))
			.with(csrf()).param("meaning", "wrote-with-resident").param("contentHash", seen).param("password",
					PlanFixtures.DEMO_PASSWORD))
			.andExpect(status().isPreconditionFailed()).andReturn().getResponse().getContentAsString();

		assertThat(Jsoup.parse(html).getElementById("signature-error").text()).isNotBlank();
		assertThat(Jsoup.parse(html).getElementById("content-hash").text()).isNotEqualTo(seen);
		assertThat(signatures()).isZero();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder sign(String hash) {
		return post("/api/v1/signatures").with(signIns.as("clinician")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"" + PlanDocuments.KIND + "\", \"documentId\": \"" + draft.planId() + "\", \"version\": 1, "
					+ "\"meaning\": \"wrote-with-resident\", \"contentHash\": \"" + hash + "\", \"password\": \""
					+ PlanFixtures.DEMO_PASSWORD + "\"}");
	}

	private int signatures() {
		return jdbc.sql("select count(*) from sig_signature where document_id = ?").param(draft.planId()).query(Integer.class)
			.single();
	}
}
