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

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanFixtures;
import org.milieu.plans.PlanSchedules;
import org.milieu.plans.PlanSettings;
import org.milieu.plans.PlanTerms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The pages of what is due, a resident's schedule and the director's plan settings, and the home page's plan items. */
@MilieuWebTest
class PlanSchedulePagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	PlanSettings settings;

	@Autowired
	PlanSchedules schedules;

	MilieuUser resident;

	@BeforeEach
	void aResidentWithoutPlan() {
		resident = signIns.user(fixtures.aResidentWithoutPlan());
	}

	@Test
	void theClinicianSeesEveryResidentOfTheirHouseWithTheFirstPlanDueOverdueFirstInBothLanguages() throws Exception {
		String english = mvc.perform(get("/plans").with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Document page = Jsoup.parse(english);

		assertThat(page.select("#plans-due tbody tr")).isNotEmpty();
		assertThat(page.select("#plans-due a[href='/residents/" + resident.residentId() + "/plan']")).hasSize(1);
		assertThat(page.select("#plans-due tbody tr").first().hasClass("overdue")
				|| page.select("#plans-due tbody tr.overdue").isEmpty()).as("overdue rows come first").isTrue();
		assertThat(page.select("nav a[href='/plans']").attr("aria-current")).isEqualTo("page");
		assertThat(page.select("a[href='/plans/settings']")).as("settings are the director's").isEmpty();
		mvc.perform(get("/plans").with(signIns.as("clinician")).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Planes de tratamiento: qué vence")))
			.andExpect(content().string(containsString("Sin plan todavía")));
		mvc.perform(get("/plans").with(signIns.as("director")))
			.andExpect(content().string(containsString("href=\"/plans/settings\"")));
	}

	@Test
	void staffFamilyAndResidentsAreRefusedTheListAndOnlyTheDirectorOpensTheSettings() throws Exception {
		for (String who : new String[] { "staff", "family", resident.getUsername() }) {
			mvc.perform(get("/plans").with(signIns.as(who))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/plans/settings").with(signIns.as("clinician"))).andExpect(status().isForbidden());
		mvc.perform(get("/plans/settings").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"plan-areas\"")));
		mvc.perform(get("/").with(signIns.as("staff")))
			.andExpect(content().string(not(containsString("first treatment plan"))));
	}

	@Test
	void aDeadlineOutOfRangeIsShownAsAMessageAndChangesNothing() throws Exception {
		PlanTerms before = settings.terms(signIns.user("director").programId().value());
		mvc.perform(post("/plans/settings").with(signIns.as("director")).with(csrf()).param("initialPlanDays", "0")
				.param("reviewIntervalDays", "30"))
			.andExpect(redirectedUrl("/plans/settings"))
			.andExpect(flash().attribute("problem", "plan.settings.days.range"))
			.andExpect(flash().attribute("problemField", "initialPlanDays"));
		mvc.perform(post("/plans/settings/areas").with(signIns.as("director")).with(csrf()).param("name", " "))
			.andExpect(flash().attribute("problem", "plan.field.required"));
		assertThat(settings.terms(signIns.user("director").programId().value())).isEqualTo(before);
	}

	@Test
	void theClinicianSetsTheResidentsOwnIntervalOnTheSchedulePageWithAReason() throws Exception {
		String page = "/residents/" + resident.residentId() + "/plan/schedule";
		mvc.perform(get("/residents/" + resident.residentId() + "/plan").with(signIns.as("clinician")))
			.andExpect(content().string(containsString("href=\"" + page + "\"")));
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No plan yet")));
		mvc.perform(post(page).with(signIns.as("clinician")).with(csrf()).param("days", "14"))
			.andExpect(flash().attribute("problem", "plan.field.required"))
			.andExpect(flash().attribute("problemField", "reason"));
		mvc.perform(post(page).with(signIns.as("clinician")).with(csrf()).param("days", "14").param("reason", "Early relapse risk"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("notice", "plan.due.interval.saved"));
		assertThat(schedules.of(signIns.user("clinician"), resident.residentId()).reviewIntervalDays()).isEqualTo(14);
		mvc.perform(get(page).with(signIns.as("staff"))).andExpect(status().isForbidden());
	}

	@Test
	void theHomePageCountsTheClinciansOverdueFirstPlansAndLinksToTheList() throws Exception {
		PlanSchedules.Counts counts = schedules.counts(signIns.user("clinician"));
		assertThat(counts.plansOverdue() + counts.plansDue()).as("residents of the demo house have no plan yet").isPositive();

		Document home = Jsoup.parse(mvc.perform(get("/").with(signIns.as("clinician")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

		String text = home.select("#attention a[href='/plans']").text();
		assertThat(text).contains(counts.plansOverdue() > 0 ? "overdue" : "due within a week");
		assertThat(text).doesNotContain(resident.displayName());
	}
}
