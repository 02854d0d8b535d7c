package org.milieu.plans.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanReview;
import org.milieu.plans.PlanReviews;
import org.milieu.plans.ReviewFixtures;
import org.milieu.plans.ReviewReason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The review pages: the clinician starts and rates a review, the resident comments from their own plan. */
@MilieuWebTest
class PlanReviewPagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	ReviewFixtures fixtures;

	@Autowired
	PlanReviews reviews;

	MilieuUser resident;

	String plan;

	@BeforeEach
	void aResidentWithAPlanInForce() {
		resident = signIns.user(fixtures.aResidentWithPlanInForce());
		plan = "/residents/" + resident.residentId() + "/plan";
	}

	@Test
	void theClinicianStartsAReviewRatesEachObjectiveAndTheResidentComments() throws Exception {
		mvc.perform(get(plan).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"plan-reviews\"")))
			.andExpect(content().string(containsString("id=\"start-review\"")));
		String page = mvc.perform(post(plan + "/reviews").with(signIns.as("clinician")).with(csrf())
				.param("reason", "REQUESTED"))
			.andExpect(redirectedUrlPattern(plan + "/reviews/*"))
			.andExpect(flash().attribute("notice", "plan.review.page.started"))
			.andReturn().getResponse().getRedirectedUrl();
		PlanReview review = reviews.review(signIns.user("clinician"), resident.residentId(),
				java.util.UUID.fromString(page.substring(page.lastIndexOf('/') + 1)));

		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Rating of: Goes to two meetings a week")))
			.andExpect(content().string(containsString("id=\"rating-1-NOT_PROGRESSING\"")))
			.andExpect(content().string(containsString("id=\"rate-all\"")))
			.andExpect(content().string(not(containsString("id=\"sign-review\""))));
		mvc.perform(post(page).with(signIns.as("clinician")).with(csrf()).param("revision", "0")
				.param("rating-" + review.objectives().get(0).objectiveId(), "MET")
				.param("comment-" + review.objectives().get(1).objectiveId(), "Calls most evenings"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("notice", (Object) null))
			.andExpect(flash().attribute("problem", "plan.review.rating.required"));
		mvc.perform(post(page).with(signIns.as("clinician")).with(csrf()).param("revision", "0")
				.param("rating-" + review.objectives().get(0).objectiveId(), "MET")
				.param("rating-" + review.objectives().get(1).objectiveId(), "PROGRESSING")
				.param("comment-" + review.objectives().get(1).objectiveId(), "Calls most evenings")
				.param("summary", "A steady month"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("notice", "plan.review.page.saved"));

		mvc.perform(get("/me/plan").with(signIns.as(resident.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/me/plan/reviews/" + review.id())))
			.andExpect(content().string(containsString("Progressing")));
		mvc.perform(get(page).with(signIns.as(resident.getUsername())))
			.andExpect(redirectedUrl("/me/plan/reviews/" + review.id()));
		mvc.perform(post("/me/plan/reviews/" + review.id() + "/comment").with(signIns.as(resident.getUsername()))
				.with(csrf()).param("revision", "1").param("comment", "I want to call my sponsor on weekends too"))
			.andExpect(redirectedUrl("/me/plan/reviews/" + review.id()))
			.andExpect(flash().attribute("notice", "plan.review.page.commentSaved"));
		mvc.perform(get("/me/plan/reviews/" + review.id()).with(signIns.as(resident.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("I want to call my sponsor on weekends too")))
			.andExpect(content().string(containsString("Sign: I agree with this review")));

		mvc.perform(get(page).with(signIns.as("clinician")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Revisión del plan")))
			.andExpect(content().string(containsString("I want to call my sponsor on weekends too")))
			.andExpect(content().string(containsString("/sign/plan-review/" + review.id() + "/1")))
			.andExpect(content().string(containsString("Firmar esta revisión")));
		mvc.perform(get("/residents/" + resident.residentId() + "?tab=plan").with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"plan-latest-review\"")));
	}

	@Test
	void aSecondStartLeadsToTheOpenReviewAndAStaleFormChangesNothing() throws Exception {
		PlanReview open = reviews.start(signIns.user("clinician"), resident.residentId(), ReviewReason.SCHEDULED);
		String page = plan + "/reviews/" + open.id();

		mvc.perform(post(plan + "/reviews").with(signIns.as("clinician")).with(csrf()))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("problem", "plan.review.already-open"));
		mvc.perform(post(page).with(signIns.as("clinician")).with(csrf()).param("revision", "7").param("summary", "x"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("problem", "plan.review.page.stale"));
		mvc.perform(post(page + "/revision").with(signIns.as("clinician")).with(csrf()).param("revision", "0"))
			.andExpect(flash().attribute("notice", "plan.review.page.revised"));
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(content().string(containsString("id=\"review-revised\"")))
			.andExpect(content().string(not(containsString("id=\"revise-plan\""))));
	}

	@Test
	void staffAndFamilyAreRefusedTheReviewPage() throws Exception {
		PlanReview open = reviews.start(signIns.user("clinician"), resident.residentId(), ReviewReason.SCHEDULED);

		mvc.perform(get(plan + "/reviews/" + open.id()).with(signIns.as("staff"))).andExpect(status().isForbidden());
		mvc.perform(get(plan + "/reviews/" + open.id()).with(signIns.as("family"))).andExpect(status().isForbidden());
		mvc.perform(post(plan + "/reviews/" + open.id()).with(signIns.as("staff")).with(csrf()).param("revision", "0"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/me/plan/reviews/" + open.id()).with(signIns.as("resident01"))).andExpect(status().isNotFound());
	}
}
