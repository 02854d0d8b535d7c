package org.milieu.plans.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.levels.reviews.CriterionChoice;
import org.milieu.plans.ItemKind;
import org.milieu.plans.PlanFixtures;
import org.milieu.plans.PlanObjectiveLinks;
import org.milieu.plans.PlanVersion;
import org.milieu.plans.TreatmentPlans;
import org.milieu.residents.Census;
import org.milieu.shared.DataCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An objective linked to a level criterion on the pages: the clinician links it in the draft form
 * (the criteria ahead, adjusted ones said so) or over the API (an unknown criterion is a 422 naming
 * the field); the level evidence page shows it under its criterion with its latest signed rating and
 * links to the plan, for those who may read the plan only; the resident sees it on their own level page.
 */
@MilieuWebTest
class LinkedObjectiveWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	PlanObjectiveLinks links;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	AccessPolicy policy;

	@Autowired
	Census census;

	MilieuUser clinician;

	MilieuUser resident;

	CriterionChoice criterion;

	@BeforeEach
	void aResidentWithACriterionAhead() {
		clinician = signIns.user("clinician");
		resident = signIns.user(fixtures.aResidentWithoutPlan());
		criterion = links.nextCriterion(clinician, resident);
	}

	@Test
	void theClinicianLinksAnObjectiveToACriterionInTheDraftForm() throws Exception {
		String page = "/residents/" + resident.residentId() + "/plan";
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), null);
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"item-criterion\""),
					containsString("value=\"" + criterion.link().value() + "\""))));
		mvc.perform(get(page).with(signIns.as("clinician")).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Criterio de nivel al que contribuye")));

		mvc.perform(post(page + "/versions/1/items").with(signIns.as("clinician")).with(csrf())
				.param("revision", String.valueOf(draft.revision())).param("kind", "OBJECTIVE")
				.param("text", "Goes to two meetings a week").param("measure", "Chair signs the sheet")
				.param("targetDate", draft.startsOn().plusDays(30).toString()).param("criterion", criterion.link().value()))
			.andExpect(flash().attribute("notice", "plan.page.added"));
		PlanVersion linked = plans.version(clinician, resident.residentId(), 1);
		org.assertj.core.api.Assertions.assertThat(linked.itemsOf(ItemKind.OBJECTIVE).get(0).criterion())
			.isEqualTo(criterion.link());
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(content().string(containsString("Works toward level " + criterion.level())));

		mvc.perform(post(page + "/versions/1/items").with(signIns.as("clinician")).with(csrf())
				.param("revision", String.valueOf(linked.revision())).param("kind", "OBJECTIVE")
				.param("text", "Keeps the room tidy").param("measure", "Room check")
				.param("targetDate", draft.startsOn().plusDays(30).toString()).param("criterion", "9/nothing"))
			.andExpect(flash().attribute("problem", "plan.criterion.unknown"));
		org.assertj.core.api.Assertions.assertThat(plans.version(clinician, resident.residentId(), 1).items()).hasSize(1);
	}

	@Test
	void anUnknownCriterionOverTheApiIsA422NamingTheField() throws Exception {
		String url = "/api/v1/residents/" + resident.residentId() + "/plan/versions/1";
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), null);
		String body = """
				{"startsOn": "%s", "items": [{"kind": "OBJECTIVE", "text": "Goes to meetings", "measure": "Sheet",
				  "targetDate": "%s", "criterion": {"level": %d, "key": "%s"}}]}""";
		LocalDate target = draft.startsOn().plusDays(30);
		mvc.perform(put(url).with(signIns.as("clinician")).with(csrf()).header("If-Match", "\"" + draft.revision() + "\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(draft.startsOn(), target, criterion.level(), "no-such-criterion")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("items[0].criterion")));
		mvc.perform(put(url).with(signIns.as("clinician")).with(csrf()).header("If-Match", "\"" + draft.revision() + "\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(draft.startsOn(), target, criterion.level(), criterion.key())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].criterion.level").value(criterion.level()))
			.andExpect(jsonPath("$.items[0].criterion.key").value(criterion.key()));
	}

	@Test
	void theEvidencePageShowsTheLinkedObjectiveWithItsLatestSignedRatingAndLinksToThePlan() throws Exception {
		PlanVersion version = links.inForce(clinician, resident, criterion.link(), "Goes to two meetings a week");
		var linked = version.itemsOf(ItemKind.OBJECTIVE).get(0);
		LocalDate today = links.today(resident);
		links.review(version, clinician, today.minusDays(9), true, linked.id(), "NOT_PROGRESSING");
		links.review(version, clinician, today.minusDays(2), true, linked.id(), "PROGRESSING");
		links.review(version, clinician, today.minusDays(1), false, linked.id(), "MET");
		String evidence = "/residents/" + resident.residentId() + "/level";

		String html = mvc.perform(get(evidence).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Plan objective: Goes to two meetings a week"),
					containsString("Progressing"), containsString("class=\"plan-link\""),
					containsString("href=\"/residents/" + resident.residentId() + "/plan?version=1\""))))
			.andReturn().getResponse().getContentAsString();
		org.assertj.core.api.Assertions.assertThat(html).doesNotContain("Not progressing").doesNotContain("class=\"badge\">Met<");

		mvc.perform(get(evidence).with(signIns.as("clinician")).header("Accept-Language", "es"))
			.andExpect(content().string(allOf(containsString("Objetivo del plan: Goes to two meetings a week"),
					containsString("Avanzando"))));

		mvc.perform(get("/me/plan").with(signIns.as(resident.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Works toward level " + criterion.level())));
		mvc.perform(get("/me/level").with(signIns.as(resident.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Plan objective: Goes to two meetings a week"),
					containsString("href=\"/me/plan\""))));
	}

	@Test
	void aStaffMemberWhoMayNotReadClinicalNotesSeesNeitherTheObjectiveNorThePlanLink() throws Exception {
		PlanVersion version = links.inForce(clinician, resident, criterion.link(), "Goes to two meetings a week");
		links.review(version, clinician, links.today(resident).minusDays(2), true,
				version.itemsOf(ItemKind.OBJECTIVE).get(0).id(), "PROGRESSING");
		String staff = staffOfTheResidentsHouse();

		mvc.perform(get("/residents/" + resident.residentId() + "/level").with(signIns.as(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("Goes to two meetings a week")),
					not(containsString("class=\"plan-link\"")), not(containsString("/plan")))));
	}

	private String staffOfTheResidentsHouse() {
		ResidentScope scope = new ResidentScope(resident.residentId(),
				census.find(resident.programId(), resident.residentId()).orElseThrow().houseId());
		for (String staff : new String[] { "staff", "staff2" }) {
			if (policy.decide(signIns.user(staff), AccessAction.READ, DataCategory.LEVELS_AND_RATINGS, scope).allowed()) {
				return staff;
			}
		}
		throw new IllegalStateException("no demo staff member works in the resident's house");
	}
}
