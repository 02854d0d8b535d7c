package org.milieu.plans.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The plan API: a draft written and signed over JSON, and the refusals that change nothing. */
@MilieuWebTest
class PlanApiWebTests {

	static final String DRAFT = """
			{ "startsOn": "2026-12-01", "items": [
			  { "kind": "PROBLEM", "area": "ASAM5_RELAPSE_POTENTIAL", "text": "I drink when I am alone at night",
			    "clinicalText": "Alcohol use disorder, evening cravings" },
			  { "kind": "OBJECTIVE", "text": "Goes to two meetings a week", "measure": "Attendance sheet",
			    "targetDate": "2026-12-31" },
			  { "kind": "INTERVENTION", "text": "Relapse prevention group", "responsible": "Primary clinician",
			    "frequency": "Weekly" } ] }""";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	MilieuUser resident;

	String base;

	@BeforeEach
	void aResidentWithoutPlan() {
		resident = signIns.user(fixtures.aResidentWithoutPlan());
		base = "/api/v1/residents/" + resident.residentId() + "/plan";
	}

	@Test
	void theClinicianDraftsTheResidentAddsAGoalAndBothSeeWhoWroteWhat() throws Exception {
		String etag = mvc.perform(post(base + "/versions").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"startsOn\": \"2026-12-01\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", base + "/versions/1"))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn().getResponse().getHeader("ETag");

		String written = mvc.perform(put(base + "/versions/1").with(signIns.as("clinician")).with(csrf())
				.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content(DRAFT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(3)))
			.andExpect(jsonPath("$.items[0].writtenBy.role").value("CLINICIAN"))
			.andReturn().getResponse().getHeader("ETag");

		var added = mvc.perform(post(base + "/versions/1/own-words").with(signIns.as(resident.getUsername())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"GOAL\", \"text\": \"Cook for my kids\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.items[3].writtenBy.residentsOwnWords").value(true))
			.andReturn().getResponse();
		String goal = JsonPath.read(added.getContentAsString(), "$.items[3].id");
		mvc.perform(put(base + "/versions/1/own-words/" + goal).with(signIns.as(resident.getUsername())).with(csrf())
				.header("If-Match", added.getHeader("ETag")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Cook for my kids again\"}"))
			.andExpect(status().isOk());
		mvc.perform(put(base + "/versions/1/own-words/" + goal).with(signIns.as("clinician")).with(csrf())
				.header("If-Match", "\"9\"").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Other words\"}"))
			.andExpect(status().isForbidden());

		mvc.perform(get(base + "/versions/1").with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(header().exists("ETag"))
			.andExpect(jsonPath("$.items[3].text").value("Cook for my kids again"))
			.andExpect(jsonPath("$.items[3].writtenBy.role").value("RESIDENT"));
		mvc.perform(get(base).with(signIns.as(resident.getUsername())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.current").value(1))
			.andExpect(jsonPath("$.versions", hasSize(1)));

		mvc.perform(put(base + "/versions/1").with(signIns.as("clinician")).with(csrf())
				.header("If-Match", written).contentType(MediaType.APPLICATION_JSON).content(DRAFT))
			.andExpect(status().isPreconditionFailed());
	}

	@Test
	void anObjectiveWithoutAMeasureIsA422NamingTheField() throws Exception {
		String etag = start();
		mvc.perform(put(base + "/versions/1").with(signIns.as("clinician")).with(csrf()).header("If-Match", etag)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{ "startsOn": "2026-12-01", "items": [ { "kind": "OBJECTIVE", "text": "Meetings",
						  "targetDate": "2026-12-31" } ] }"""))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].measure"));
		mvc.perform(put(base + "/versions/1").with(signIns.as("clinician")).with(csrf()).header("If-Match", etag)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{ "startsOn": "2026-12-01", "items": [ { "kind": "OBJECTIVE", "text": "Meetings",
						  "measure": "Sheet", "targetDate": "2026-11-30" } ] }"""))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].targetDate"));
		mvc.perform(get(base + "/versions/1").with(signIns.as("clinician"))).andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void editingASignedVersionIsA409SayingToStartANewVersion() throws Exception {
		String etag = start();
		String planId = JsonPath.read(mvc.perform(put(base + "/versions/1").with(signIns.as("clinician")).with(csrf())
				.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content(DRAFT))
			.andReturn().getResponse().getContentAsString(), "$.planId");
		fixtures.sign(signIns.user("clinician"), UUID.fromString(planId), 1, "wrote-with-resident", null);
		String signedTag = mvc.perform(get(base + "/versions/1").with(signIns.as("clinician")))
			.andExpect(jsonPath("$.signatures[0].verification").value("VALID"))
			.andExpect(jsonPath("$.locked").value(true))
			.andReturn().getResponse().getHeader("ETag");

		mvc.perform(put(base + "/versions/1").with(signIns.as("clinician")).with(csrf()).header("If-Match", signedTag)
				.contentType(MediaType.APPLICATION_JSON).content(DRAFT))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("new version")));
		mvc.perform(post(base + "/versions").with(signIns.as("clinician")).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(2))
			.andExpect(jsonPath("$.items", hasSize(3)))
			.andExpect(jsonPath("$.locked").value(false));
	}

	@Test
	void staffAndOtherResidentsAreRefused() throws Exception {
		start();
		mvc.perform(get(base).with(signIns.as("staff"))).andExpect(status().isForbidden());
		mvc.perform(get(base + "/versions/1").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(put(base + "/versions/1").with(signIns.as(resident.getUsername())).with(csrf()).header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON).content(DRAFT))
			.andExpect(status().isForbidden());
	}

	private String start() throws Exception {
		return mvc.perform(post(base + "/versions").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"startsOn\": \"2026-12-01\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getHeader("ETag");
	}
}
