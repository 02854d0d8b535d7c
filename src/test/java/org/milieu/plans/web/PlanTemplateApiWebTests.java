package org.milieu.plans.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Plan templates over JSON: the director's catalogue, and a template added to a draft that the clinician cannot sign as it came. */
@MilieuWebTest
class PlanTemplateApiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	static String template(String name, String objectiveMeasure) {
		return """
				{ "name": "%s", "area": "ASAM6_RECOVERY_ENVIRONMENT", "problemText": "I have nowhere to live when I leave",
				  "clinicalText": "Housing instability after discharge", "parts": [
				  { "kind": "GOAL", "text": "Have a safe place to live" },
				  { "kind": "OBJECTIVE", "text": "Applies to two sober living homes", "measure": %s, "targetOffsetDays": 30 },
				  { "kind": "INTERVENTION", "text": "Housing referral", "responsible": "Case manager", "frequency": "Weekly" } ] }"""
			.formatted(name, objectiveMeasure == null ? "null" : "\"" + objectiveMeasure + "\"");
	}

	@Test
	void theDirectorWritesRewritesAndRetiresATemplateOnTheRevisionRead() throws Exception {
		String name = "Housing " + UUID.randomUUID().toString().substring(0, 8);
		var created = mvc.perform(post("/api/v1/plan-templates").with(signIns.as("director")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(template(name, "Letters of application")))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.parts", hasSize(3)))
			.andExpect(jsonPath("$.parts[1].targetOffsetDays").value(30))
			.andReturn().getResponse();
		String location = created.getHeader("Location");

		mvc.perform(get(location).with(signIns.as("clinician")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.name").value(name));
		mvc.perform(get("/api/v1/plan-templates").with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem(name)))
			.andExpect(jsonPath("$[*].name", hasItem("Evening cravings")));
		mvc.perform(put(location).with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content(template(name, "Letters")))
			.andExpect(status().isPreconditionRequired());
		mvc.perform(put(location).with(signIns.as("director")).with(csrf()).header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON).content(template(name + " v2", "Letters")))
			.andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
		mvc.perform(put(location).with(signIns.as("director")).with(csrf()).header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON).content(template(name + " v3", "Letters")))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(put(location).with(signIns.as("clinician")).with(csrf()).header("If-Match", "\"1\"")
				.contentType(MediaType.APPLICATION_JSON).content(template(name + " v3", "Letters")))
			.andExpect(status().isForbidden());

		mvc.perform(delete(location).with(signIns.as("director")).with(csrf()).header("If-Match", "\"1\""))
			.andExpect(status().isNoContent());
		mvc.perform(get(location).with(signIns.as("director"))).andExpect(jsonPath("$.retired").value(true));
		mvc.perform(get("/api/v1/plan-templates").with(signIns.as("director")))
			.andExpect(jsonPath("$[*].name", not(hasItem(name + " v2"))));
	}

	@Test
	void aBadTemplateIsAProblemDocumentNamingTheField() throws Exception {
		mvc.perform(post("/api/v1/plan-templates").with(signIns.as("director")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(template("No measure " + UUID.randomUUID(), null)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors[0].field").value("parts[1].measure"));
		mvc.perform(post("/api/v1/plan-templates").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(template("Clinician " + UUID.randomUUID(), "Log")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/plan-templates").with(signIns.as("staff"))).andExpect(status().isForbidden());
	}

	@Test
	void aClinicianAddsATemplateToADraftAndCannotSignUntilEachPartIsTheResidentsOwn() throws Exception {
		MilieuUser resident = signIns.user(fixtures.aResidentWithoutPlan());
		String base = "/api/v1/residents/" + resident.residentId() + "/plan";
		String templateId = JsonPath.read(mvc.perform(post("/api/v1/plan-templates").with(signIns.as("director")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(template("Housing " + UUID.randomUUID(), "Letters")))
			.andReturn().getResponse().getContentAsString(), "$.id");
		String planId = JsonPath.read(mvc.perform(post(base + "/versions").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"startsOn\": \"2026-12-01\"}"))
			.andReturn().getResponse().getContentAsString(), "$.planId");

		mvc.perform(post(base + "/versions/1/template-applications").with(signIns.as("clinician")).with(csrf())
				.header("If-Match", "\"7\"").contentType(MediaType.APPLICATION_JSON)
				.content("{\"templateId\": \"" + templateId + "\"}"))
			.andExpect(status().isPreconditionFailed());
		String applied = mvc.perform(post(base + "/versions/1/template-applications").with(signIns.as("clinician"))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"templateId\": \"" + templateId + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.items", hasSize(4)))
			.andExpect(jsonPath("$.items[0].fromTemplate.unchanged").value(true))
			.andExpect(jsonPath("$.items[2].targetDate").value("2026-12-31"))
			.andReturn().getResponse().getContentAsString();

		mvc.perform(post("/api/v1/signatures").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(signing(planId)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("items"))
			.andExpect(jsonPath("$.detail", containsString("I have nowhere to live when I leave")))
			.andExpect(jsonPath("$.detail", containsString("Housing referral")));

		String etag = mvc.perform(get(base + "/versions/1").with(signIns.as("clinician")))
			.andReturn().getResponse().getHeader("ETag");
		mvc.perform(put(base + "/versions/1").with(signIns.as("clinician")).with(csrf()).header("If-Match", etag)
				.contentType(MediaType.APPLICATION_JSON).content(ownWords(applied)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].fromTemplate.unchanged").value(false))
			.andExpect(jsonPath("$.items[0].fromTemplate.templateId").value(templateId));
		mvc.perform(post("/api/v1/signatures").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(signing(planId)))
			.andExpect(status().is2xxSuccessful());
	}

	/** Every part sent back with its id and its words made this resident's own. */
	private static String ownWords(String version) {
		StringBuilder items = new StringBuilder();
		int n = ((java.util.List<?>) JsonPath.read(version, "$.items")).size();
		for (int i = 0; i < n; i++) {
			String at = "$.items[" + i + "].";
			String kind = JsonPath.read(version, at + "kind");
			items.append(i == 0 ? "" : ",").append("{\"id\": \"").append((String) JsonPath.read(version, at + "id"))
				.append("\", \"kind\": \"").append(kind).append("\", \"text\": \"")
				.append((String) JsonPath.read(version, at + "text")).append(", as Jo puts it\"");
			for (String field : new String[] { "area", "clinicalText", "measure", "targetDate", "responsible", "frequency" }) {
				Object value = JsonPath.read(version, at + field);
				if (value != null) {
					items.append(", \"").append(field).append("\": \"").append(value).append('"');
				}
			}
			items.append('}');
		}
		return "{\"startsOn\": \"2026-12-01\", \"items\": [" + items + "]}";
	}

	private String signing(String planId) {
		return "{\"kind\": \"treatment-plan\", \"documentId\": \"" + planId + "\", \"version\": 1, "
				+ "\"meaning\": \"wrote-with-resident\", \"contentHash\": \"" + fixtures.contentHash(UUID.fromString(planId), 1)
				+ "\", \"password\": \"" + PlanFixtures.DEMO_PASSWORD + "\"}";
	}
}
