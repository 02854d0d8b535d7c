package org.milieu.plans.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanFixtures;
import org.milieu.plans.PlanVersion;
import org.milieu.plans.TreatmentPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The plan pages: the clinician drafts part by part, the resident adds a goal, each sees who wrote what. */
@MilieuWebTest
class PlanPagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	TreatmentPlans plans;

	MilieuUser resident;

	String page;

	@BeforeEach
	void aResidentWithoutPlan() {
		resident = signIns.user(fixtures.aResidentWithoutPlan());
		page = "/residents/" + resident.residentId() + "/plan";
	}

	@Test
	void theClinicianStartsAPlanAndAddsAProblemTheResidentAddsAGoalInTheirWords() throws Exception {
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"start-plan\"")));
		mvc.perform(post(page + "/versions").with(signIns.as("clinician")).with(csrf()).param("startsOn", "2026-12-01"))
			.andExpect(redirectedUrl(page + "?version=1"));
		mvc.perform(post(page + "/versions/1/items").with(signIns.as("clinician")).with(csrf()).param("revision", "0")
				.param("kind", "PROBLEM").param("area", "ASAM4_READINESS_TO_CHANGE").param("text", "I am not sure I need this")
				.param("clinicalText", "Ambivalence about treatment"))
			.andExpect(flash().attribute("notice", "plan.page.added"));

		mvc.perform(post("/me/plan/versions/1/own-words").with(signIns.as(resident.getUsername())).with(csrf())
				.param("kind", "GOAL").param("text", "Get my licence back"))
			.andExpect(redirectedUrl("/me/plan?version=1"));
		mvc.perform(get("/me/plan").with(signIns.as(resident.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("I am not sure I need this")))
			.andExpect(content().string(containsString("Get my licence back")))
			.andExpect(content().string(containsString("own words")))
			.andExpect(content().string(containsString("Written by")))
			.andExpect(content().string(containsString("I agree to this plan")));
		mvc.perform(get(page).with(signIns.as("clinician")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dimensión 4")))
			.andExpect(content().string(containsString("Firmar esta versión")));
	}

	@Test
	void anObjectiveWithoutAMeasureIsRefusedWithAReadableMessage() throws Exception {
		PlanVersion draft = plans.startVersion(signIns.user("clinician"), resident.residentId(), null);
		mvc.perform(post(page + "/versions/1/items").with(signIns.as("clinician")).with(csrf())
				.param("revision", String.valueOf(draft.revision())).param("kind", "OBJECTIVE").param("text", "Meetings")
				.param("targetDate", "2027-01-31"))
			.andExpect(flash().attribute("problem", "plan.objective.measure.required"))
			.andExpect(flash().attribute("problemField", "items[0].measure"));
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(content().string(not(containsString("plan-objective"))));
	}

	@Test
	void staffCannotOpenThePlanAndTheResidentIsSentToTheirOwnPage() throws Exception {
		mvc.perform(get(page).with(signIns.as("staff"))).andExpect(status().isForbidden());
		mvc.perform(get(page).with(signIns.as(resident.getUsername()))).andExpect(redirectedUrl("/me/plan"));
		mvc.perform(get("/residents/" + resident.residentId() + "?tab=plan").with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"plan-link\"")));
	}
}
