package org.milieu.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.milieu.plans.PlanSettings;
import org.milieu.plans.PlanTerms;
import org.milieu.platform.web.AuditedListing;
import org.milieu.platform.web.PagedListing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The plan schedule and settings API: what is due, the director's terms and areas, and the refusals that change nothing. */
@MilieuWebTest
class PlanScheduleApiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	PlanSettings settings;

	@Autowired
	JdbcClient jdbc;

	MilieuUser resident;

	String startsOn;

	@BeforeEach
	void aResidentWithoutPlan() {
		resident = signIns.user(fixtures.aResidentWithoutPlan());
	}

	@Test
	void theDirectorSetsTheTermsAndATermOutOfRangeIsA422NamingTheFieldThatChangesNothing() throws Exception {
		PlanTerms before = settings.terms(signIns.user("director").programId().value());
		try {
			terms("{\"initialPlanDays\": 0, \"reviewIntervalDays\": 30}").andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].field").value("initialPlanDays"));
			terms("{\"initialPlanDays\": 7, \"reviewIntervalDays\": 366}").andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].field").value("reviewIntervalDays"));
			terms("{\"reviewIntervalDays\": 30}").andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].field").value("initialPlanDays"));
			mvc.perform(get("/api/v1/plan-settings").with(signIns.as("clinician")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.initialPlanDays").value(before.initialPlanDays()))
				.andExpect(jsonPath("$.revision").value(before.revision()));

			terms("{\"initialPlanDays\": 5, \"reviewIntervalDays\": 28}").andExpect(status().isOk())
				.andExpect(jsonPath("$.initialPlanDays").value(5))
				.andExpect(jsonPath("$.reviewIntervalDays").value(28));
			mvc.perform(put("/api/v1/plan-settings").with(signIns.as("clinician")).with(csrf())
					.contentType(MediaType.APPLICATION_JSON).content("{\"initialPlanDays\": 9, \"reviewIntervalDays\": 9}"))
				.andExpect(status().isForbidden());
			assertThat(settings.terms(signIns.user("director").programId().value()).initialPlanDays()).isEqualTo(5);
		}
		finally {
			terms("{\"initialPlanDays\": " + before.initialPlanDays() + ", \"reviewIntervalDays\": "
					+ before.reviewIntervalDays() + "}").andExpect(status().isOk());
		}
	}

	@Test
	void theDirectorAddsRenamesAndRetiresAnAreaAndADraftTakesOnlyAnAreaInUse() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(get("/api/v1/plan-settings").with(signIns.as("director")))
			.andExpect(jsonPath("$.areas[0].code").value("ASAM1_INTOXICATION_WITHDRAWAL"))
			.andExpect(jsonPath("$.areas[0].standard").value(true))
			.andExpect(jsonPath("$.areas.length()").value(greaterThanOrEqualTo(6)));
		area(post("/api/v1/plan-settings/areas"), "{\"name\": \"  \"}").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		String code = JsonPath.read(area(post("/api/v1/plan-settings/areas"), "{\"name\": \"Housing " + unique + "\"}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.code");
		area(post("/api/v1/plan-settings/areas"), "{\"name\": \"HOUSING " + unique + "\"}")
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("name"));
		area(put("/api/v1/plan-settings/areas/" + code), "{\"name\": \"Stable housing " + unique + "\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Stable housing " + unique));
		area(put("/api/v1/plan-settings/areas/NO_SUCH_AREA"), "{\"retired\": true}").andExpect(status().isNotFound());

		String base = "/api/v1/residents/" + resident.residentId() + "/plan/versions";
		var started = mvc.perform(post(base).with(signIns.as("clinician")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{}")).andExpect(status().isCreated()).andReturn().getResponse();
		String etag = started.getHeader("ETag");
		startsOn = JsonPath.read(started.getContentAsString(), "$.startsOn");
		var written = mvc.perform(put(base + "/1").with(signIns.as("clinician")).with(csrf()).header("If-Match", etag)
				.contentType(MediaType.APPLICATION_JSON).content(draft(null, code, "")))
			.andExpect(status().isOk()).andReturn().getResponse();
		String problem = JsonPath.read(written.getContentAsString(), "$.items[0].id");

		area(put("/api/v1/plan-settings/areas/" + code), "{\"retired\": true}").andExpect(status().isOk())
			.andExpect(jsonPath("$.retired").value(true));
		mvc.perform(get("/api/v1/plan-settings").with(signIns.as("clinician")))
			.andExpect(jsonPath("$.areas[?(@.code == '" + code + "')].retired").value(hasItem(true)));
		String another = ", { \"kind\": \"PROBLEM\", \"area\": \"" + code + "\", \"text\": \"Another problem\" }";
		mvc.perform(put(base + "/1").with(signIns.as("clinician")).with(csrf()).header("If-Match", written.getHeader("ETag"))
				.contentType(MediaType.APPLICATION_JSON).content(draft(problem, code, another)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("items[1].area"));
		mvc.perform(put(base + "/1").with(signIns.as("clinician")).with(csrf()).header("If-Match", written.getHeader("ETag"))
				.contentType(MediaType.APPLICATION_JSON).content(draft(problem, code, "")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].area").value(code));
	}

	@Test
	void theDueListIsPagedAndEachResidentAuditedForTheClinicianAndRefusedToStaffFamilyAndResidents() throws Exception {
		List<String> whole = PagedListing.ids(mvc, signIns.as("clinician"), "/api/v1/plans/due", 200);
		List<String> paged = PagedListing.ids(mvc, signIns.as("clinician"), "/api/v1/plans/due", 3);

		assertThat(whole).contains(resident.residentId().toString()).hasSizeGreaterThan(3);
		assertThat(paged).isEqualTo(whole);
		long mark = AuditedListing.mark(jdbc);
		String body = mvc.perform(get("/api/v1/plans/due?limit=5").with(signIns.as("clinician")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		AuditedListing.assertEveryItemNamed(jdbc, "clinician", body, mark);
		for (String other : List.of("staff", "family", resident.getUsername())) {
			mvc.perform(get("/api/v1/plans/due").with(signIns.as(other))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/plan-settings").with(signIns.as(other))).andExpect(status().isForbidden());
		}
	}

	@Test
	void theClinicianSetsTheResidentsOwnIntervalWithAReason() throws Exception {
		String uri = "/api/v1/residents/" + resident.residentId() + "/plan/review-interval";
		interval(uri, "clinician", "{\"days\": 0, \"reason\": \"Too often\"}").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("days"));
		interval(uri, "clinician", "{\"days\": 14}").andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		interval(uri, "staff", "{\"days\": 14, \"reason\": \"Staff\"}").andExpect(status().isForbidden());
		interval(uri, "clinician", "{\"days\": 14, \"reason\": \"Early relapse risk\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.reviewIntervalDays").value(14))
			.andExpect(jsonPath("$.ownInterval").value(true))
			.andExpect(jsonPath("$.planStatus").value("NONE"));
	}

	private org.springframework.test.web.servlet.ResultActions terms(String body) throws Exception {
		return mvc.perform(put("/api/v1/plan-settings").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private org.springframework.test.web.servlet.ResultActions area(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) throws Exception {
		return mvc.perform(request.with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private org.springframework.test.web.servlet.ResultActions interval(String uri, String who, String body) throws Exception {
		return mvc.perform(put(uri).with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private String draft(String problemId, String area, String more) {
		return "{ \"startsOn\": \"" + startsOn + "\", \"items\": [ { "
				+ (problemId == null ? "" : "\"id\": \"" + problemId + "\", ") + "\"kind\": \"PROBLEM\", \"area\": \"" + area
				+ "\", \"text\": \"I have nowhere steady to live\" }" + more + " ] }";
	}
}
