package org.milieu.plans.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanFixtures;
import org.milieu.plans.ReviewFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The review API: a review started, rated, commented and signed over JSON; the status codes and
 * problem documents of the refusals, which change nothing; If-Match on every change and
 * Idempotency-Key on the start.
 */
@MilieuWebTest
class PlanReviewApiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	ReviewFixtures fixtures;

	MilieuUser resident;

	String base;

	@BeforeEach
	void aResidentWithAPlanInForce() {
		resident = signIns.user(fixtures.aResidentWithPlanInForce());
		base = "/api/v1/residents/" + resident.residentId() + "/plan/reviews";
	}

	@Test
	void theClinicianRatesEveryObjectiveTheResidentCommentsAndTheClinicianSigns() throws Exception {
		MockHttpServletResponse started = mvc.perform(post(base).with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"LEVEL_CHANGE\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString(base + "/")))
			.andExpect(header().exists("ETag"))
			.andExpect(jsonPath("$.reason").value("LEVEL_CHANGE"))
			.andExpect(jsonPath("$.objectives", hasSize(2)))
			.andExpect(jsonPath("$.objectives[0].rating").value(nullValue()))
			.andReturn().getResponse();
		String review = started.getHeader("Location");
		List<String> objectives = JsonPath.read(started.getContentAsString(), "$.objectives[*].objectiveId");

		String rated = mvc.perform(put(review).with(signIns.as("clinician")).with(csrf())
				.header("If-Match", started.getHeader("ETag")).contentType(MediaType.APPLICATION_JSON)
				.content(ratings(objectives, "MET", "NOT_PROGRESSING")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.objectives[0].rating").value("MET"))
			.andExpect(jsonPath("$.objectives[1].rating").value("NOT_PROGRESSING"))
			.andExpect(jsonPath("$.summary").value("A good month"))
			.andReturn().getResponse().getHeader("ETag");

		String commented = mvc.perform(put(review + "/resident-comment").with(signIns.as(resident.getUsername()))
				.with(csrf()).header("If-Match", rated).contentType(MediaType.APPLICATION_JSON)
				.content("{\"comment\": \"The evening calls help me\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.residentComment").value("The evening calls help me"))
			.andReturn().getResponse().getHeader("ETag");
		mvc.perform(put(review).with(signIns.as("clinician")).with(csrf()).header("If-Match", rated)
				.contentType(MediaType.APPLICATION_JSON).content(ratings(objectives, "MET", "MET")))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:stale-version"));

		UUID reviewId = UUID.fromString(review.substring(review.lastIndexOf('/') + 1));
		mvc.perform(post("/api/v1/signatures").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("""
						{ "kind": "plan-review", "documentId": "%s", "version": 1, "meaning": "reviewed-with-resident",
						  "contentHash": "%s", "password": "%s" }""".formatted(reviewId, fixtures.contentHash(reviewId),
						PlanFixtures.DEMO_PASSWORD)))
			.andExpect(status().isCreated());

		mvc.perform(get(review).with(signIns.as(resident.getUsername())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signedAt").isNotEmpty())
			.andExpect(jsonPath("$.locked").value(true))
			.andExpect(jsonPath("$.signatures[0].meaning").value("reviewed-with-resident"))
			.andExpect(jsonPath("$.signatures[0].verification").value("VALID"));
		mvc.perform(put(review).with(signIns.as("clinician")).with(csrf()).header("If-Match", "\"" + 99 + "\"")
				.contentType(MediaType.APPLICATION_JSON).content(ratings(objectives, "MET", "MET")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:state-conflict"));
		mvc.perform(get(base).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + reviewId + "')].reason").value("LEVEL_CHANGE"));
		mvc.perform(get(base + "?limit=0").with(signIns.as("clinician"))).andExpect(status().isBadRequest());
		org.assertj.core.api.Assertions.assertThat(commented).isNotEqualTo(rated);
	}

	@Test
	void aSecondStartIsA409PointingAtTheOpenReviewButARetryWithTheSameKeyGetsTheFirstAnswer() throws Exception {
		MockHttpServletResponse first = mvc.perform(post(base).with(signIns.as("clinician")).with(csrf())
				.header("Idempotency-Key", "review-start-" + resident.residentId())
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isCreated()).andReturn().getResponse();
		String id = JsonPath.read(first.getContentAsString(), "$.id");

		mvc.perform(post(base).with(signIns.as("clinician")).with(csrf())
				.header("Idempotency-Key", "review-start-" + resident.residentId())
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(id));
		mvc.perform(post(base).with(signIns.as("clinician")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isConflict())
			.andExpect(header().string("Location", base + "/" + id))
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:state-conflict"))
			.andExpect(jsonPath("$.detail", containsString("continue that review")));
	}

	@Test
	void badRatingsAreA422NamingTheFieldAndChangeNothing() throws Exception {
		MockHttpServletResponse started = mvc.perform(post(base).with(signIns.as("clinician")).with(csrf()))
			.andExpect(status().isCreated()).andReturn().getResponse();
		String review = started.getHeader("Location");
		List<String> objectives = JsonPath.read(started.getContentAsString(), "$.objectives[*].objectiveId");
		String etag = started.getHeader("ETag");

		mvc.perform(put(review).with(signIns.as("clinician")).with(csrf()).header("If-Match", etag)
				.contentType(MediaType.APPLICATION_JSON).content(ratings(objectives, "MET", "SPLENDID")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("ratings[1].rating"));
		mvc.perform(put(review).with(signIns.as("clinician")).with(csrf()).header("If-Match", etag)
				.contentType(MediaType.APPLICATION_JSON).content(ratings(List.of(objectives.get(0),
						UUID.randomUUID().toString()), "MET", "MET")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("ratings[1].objectiveId"))
			.andExpect(jsonPath("$.detail", containsString("not an objective")));
		mvc.perform(put(review).with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(ratings(objectives, "MET", "MET")))
			.andExpect(status().isPreconditionRequired());

		UUID reviewId = UUID.fromString(review.substring(review.lastIndexOf('/') + 1));
		mvc.perform(put(review).with(signIns.as("clinician")).with(csrf()).header("If-Match", etag)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{ "ratings": [ { "objectiveId": "%s", "rating": "MET" } ] }""".formatted(objectives.get(0))))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/signatures").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("""
						{ "kind": "plan-review", "documentId": "%s", "version": 1, "meaning": "reviewed-with-resident",
						  "contentHash": "%s", "password": "%s" }""".formatted(reviewId, fixtures.contentHash(reviewId),
						PlanFixtures.DEMO_PASSWORD)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("ratings"))
			.andExpect(jsonPath("$.detail", containsString("Rate every objective")));
		mvc.perform(get(review).with(signIns.as("clinician")))
			.andExpect(jsonPath("$.signedAt").value(nullValue()))
			.andExpect(jsonPath("$.signatures", hasSize(0)))
			.andExpect(jsonPath("$.objectives[1].rating").value(nullValue()));
	}

	@Test
	void theResidentReadsTheirReviewsStaffAndFamilyAreRefusedAndARevisionStartsANewVersion() throws Exception {
		MockHttpServletResponse started = mvc.perform(post(base).with(signIns.as("clinician")).with(csrf()))
			.andExpect(status().isCreated()).andReturn().getResponse();
		String review = started.getHeader("Location");

		for (String other : List.of("staff", "family")) {
			mvc.perform(get(base).with(signIns.as(other))).andExpect(status().isForbidden());
			mvc.perform(get(review).with(signIns.as(other))).andExpect(status().isForbidden());
		}
		mvc.perform(post(base).with(signIns.as(resident.getUsername())).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get(base).with(signIns.as(resident.getUsername())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].objectives", hasSize(2)));

		mvc.perform(post(review + "/revision").with(signIns.as("clinician")).with(csrf())
				.header("If-Match", started.getHeader("ETag")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/plan/versions/")))
			.andExpect(jsonPath("$.revisedToVersion").isNumber());
		mvc.perform(post(review + "/revision").with(signIns.as("clinician")).with(csrf()).header("If-Match", "\"0\""))
			.andExpect(status().isPreconditionFailed());
	}

	private static String ratings(List<String> objectives, String first, String second) {
		return """
				{ "summary": "A good month", "ratings": [
				  { "objectiveId": "%s", "rating": "%s", "comment": "Six meetings" },
				  { "objectiveId": "%s", "rating": "%s" } ] }""".formatted(objectives.get(0), first, objectives.get(1),
				second);
	}
}
