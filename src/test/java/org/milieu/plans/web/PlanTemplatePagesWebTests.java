package org.milieu.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.ItemKind;
import org.milieu.plans.PlanFixtures;
import org.milieu.plans.PlanItem;
import org.milieu.plans.PlanTemplate;
import org.milieu.plans.PlanTemplates;
import org.milieu.plans.PlanVersion;
import org.milieu.plans.TreatmentPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The template pages: the director's form, and a template added to a draft with its note until the words are rewritten. */
@MilieuWebTest
class PlanTemplatePagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	PlanTemplates templates;

	@Test
	void theDirectorWritesATemplateOnTheFormAndABadOneIsShownAgainWithTheMessage() throws Exception {
		String name = "Family conflict " + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(get("/plan-templates/new").with(signIns.as("director")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"template-form\"")));
		mvc.perform(post("/plan-templates").with(signIns.as("director")).with(csrf()).param("name", name)
				.param("area", "ASAM6_RECOVERY_ENVIRONMENT").param("problemText", "My family and I fight, every call")
				.param("goalText", "Calm calls with my mother", "").param("objectiveText", "One calm call a week", "")
				.param("objectiveMeasure", "", "").param("objectiveDays", "14", "")
				.param("interventionText", "Family session", "").param("interventionWho", "Family therapist", "")
				.param("interventionOften", "Every two weeks", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Say how this objective is measured.")))
			.andExpect(content().string(containsString("My family and I fight, every call")));
		mvc.perform(post("/plan-templates").with(signIns.as("director")).with(csrf()).param("name", name)
				.param("area", "ASAM6_RECOVERY_ENVIRONMENT").param("problemText", "My family and I fight, every call")
				.param("goalText", "Calm calls with my mother", "").param("objectiveText", "One calm call a week", "")
				.param("objectiveMeasure", "Call log", "").param("objectiveDays", "14", "")
				.param("interventionText", "Family session", "").param("interventionWho", "Family therapist", "")
				.param("interventionOften", "Every two weeks", ""))
			.andExpect(redirectedUrl("/plan-templates"))
			.andExpect(flash().attribute("notice", "plan.template.saved"));
		PlanTemplate saved = templates.templates(signIns.user("director")).stream().filter(t -> t.name().equals(name))
			.findFirst().orElseThrow();
		assertThat(saved.parts()).extracting(PlanTemplate.Part::kind)
			.containsExactly(ItemKind.GOAL, ItemKind.OBJECTIVE, ItemKind.INTERVENTION);
		mvc.perform(get("/plan-templates").with(signIns.as("clinician")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("Plantillas de plan")))
			.andExpect(content().string(not(containsString("id=\"new-template\""))));
		mvc.perform(get("/plan-templates/new").with(signIns.as("clinician"))).andExpect(status().isForbidden());
		mvc.perform(get("/plan-templates").with(signIns.as("staff"))).andExpect(status().isForbidden());
	}

	@Test
	void aTemplateAddedToADraftIsMarkedUntilTheClinicianRewritesThePart() throws Exception {
		MilieuUser resident = signIns.user(fixtures.aResidentWithoutPlan());
		String page = "/residents/" + resident.residentId() + "/plan";
		MilieuUser clinician = signIns.user("clinician");
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), LocalDate.of(2026, 12, 1));
		PlanTemplate sleep = templates.templates(clinician).stream().filter(t -> t.name().equals("Sleep problems"))
			.findFirst().orElseThrow();
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(content().string(containsString("id=\"apply-template\"")));

		mvc.perform(post(page + "/versions/1/template-applications").with(signIns.as("clinician")).with(csrf())
				.param("revision", String.valueOf(draft.revision())).param("templateId", sleep.id().toString()))
			.andExpect(redirectedUrl(page + "?version=1"))
			.andExpect(flash().attribute("notice", "plan.template.applied"));
		PlanVersion applied = plans.version(clinician, resident.residentId(), 1);
		PlanItem problem = applied.itemsOf(ItemKind.PROBLEM).get(0);
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(content().string(containsString("id=\"template-note-" + problem.id() + "\"")))
			.andExpect(content().string(containsString("From template &quot;Sleep problems&quot;")));
		mvc.perform(get("/me/plan").with(signIns.as(resident.getUsername())).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("De la plantilla «Sleep problems»")))
			.andExpect(content().string(not(containsString("id=\"edit-" + problem.id() + "\""))));

		mvc.perform(post(page + "/versions/1/items/" + problem.id()).with(signIns.as("clinician")).with(csrf())
				.param("revision", String.valueOf(applied.revision())).param("text", "I lie awake until three and dread the mornings")
				.param("clinicalText", problem.clinicalText()))
			.andExpect(flash().attribute("notice", "plan.page.partSaved"));
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(content().string(containsString("I lie awake until three")))
			.andExpect(content().string(not(containsString("id=\"template-note-" + problem.id() + "\""))));
		mvc.perform(post(page + "/versions/1/items/" + problem.id()).with(signIns.as("clinician")).with(csrf())
				.param("revision", String.valueOf(applied.revision())).param("text", "stale"))
			.andExpect(flash().attribute("problem", "plan.page.stale"));
	}
}
