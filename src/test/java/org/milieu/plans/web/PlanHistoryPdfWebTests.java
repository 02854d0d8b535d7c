package org.milieu.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.ItemKind;
import org.milieu.plans.NewItem;
import org.milieu.plans.PlanDraft;
import org.milieu.plans.PlanFixtures;
import org.milieu.plans.PlanVersion;
import org.milieu.plans.TreatmentPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The plan and its history as a PDF, and the check of its signatures on the page and on paper: an
 * untouched signed version reads "matches", a signed part changed in the database afterwards reads
 * "does not match", in English and in Spanish. Reviews are written here with SQL (the review service
 * is another part of the plan's work).
 */
@MilieuWebTest
class PlanHistoryPdfWebTests {

	static final LocalDate START = LocalDate.of(2026, 12, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUntouchedPlanPrintsEveryVersionNewestFirstWithItsSignaturesValidAndItsReviews() throws Exception {
		MilieuUser resident = signIns.user(fixtures.aResidentWithoutPlan());
		PlanVersion first = signedFirstVersion(resident);
		UUID objective = first.itemsOf(ItemKind.OBJECTIVE).get(0).id();
		aSignedReview(first, objective);
		plans.startVersion(signIns.user("clinician"), resident.residentId(), null);

		String page = "/residents/" + resident.residentId() + "/plan?version=1";
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Signature matches the document")))
			.andExpect(content().string(not(containsString("does not match"))))
			.andExpect(content().string(containsString("/api/v1/residents/" + resident.residentId() + "/plan.pdf")));

		String text = pdf(resident.residentId(), "clinician", "en");
		assertThat(text).contains("Treatment plan and its history", "Version 2 (draft)", "Version 1 (in force)",
				"I drink when I am alone at night", "Alcohol use disorder, evening cravings", "Attendance sheet",
				"Relapse prevention group", "Primary clinician", "Weekly", "Dimension 5", "Written by",
				"I wrote this plan with the resident", "I agree to this plan", "Clinician", "Resident",
				"Signature matches the document", "Reviews", "Two meetings this month", "progressing");
		assertThat(text).doesNotContain("does not match");
		assertThat(text.indexOf("Version 2 (draft)")).isLessThan(text.indexOf("Version 1 (in force)"));
		assertThat(pdf(resident.residentId(), resident.getUsername(), "es"))
			.contains("Plan de tratamiento y su historia", "La firma coincide con el documento", "Revisiones", "avanzando");
		assertThat(jdbc.sql("""
				select count(*) from audit_record where username = ? and action = 'EXPORT' and resident_id = ?
				  and 'TreatmentPlan' = any(resource_types)""").params(resident.getUsername(), resident.residentId())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aSignedPartChangedInTheDatabaseReadsAsSignatureDoesNotMatchOnThePageAndInThePdf() throws Exception {
		MilieuUser resident = signIns.user(fixtures.aResidentWithoutPlan());
		PlanVersion signed = signedFirstVersion(resident);

		int tampered = jdbc.sql("update plans_item set text = ? where plan_id = ? and version_number = 1 and kind = 'PROBLEM'")
			.params("Someone rewrote this after it was signed", signed.planId()).update();
		assertThat(tampered).isEqualTo(1);

		String page = "/residents/" + resident.residentId() + "/plan?version=1";
		mvc.perform(get(page).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Signature does not match the document")))
			.andExpect(content().string(not(containsString("Signature matches the document"))));
		mvc.perform(get("/me/plan").with(signIns.as(resident.getUsername())).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("La firma no coincide con el documento")));

		String english = pdf(resident.residentId(), "clinician", "en");
		assertThat(english).contains("Someone rewrote this after it was signed", "Signature does not match the document")
			.doesNotContain("Signature matches the document");
		assertThat(pdf(resident.residentId(), "clinician", "es")).contains("La firma no coincide con el documento")
			.doesNotContain("La firma coincide con el documento");
	}

	@Test
	void staffFamilyAndOtherResidentsMayNotPrintAPlanAndAResidentWithoutOneGets404() throws Exception {
		MilieuUser resident = signIns.user(fixtures.aResidentWithoutPlan());
		String path = "/api/v1/residents/" + resident.residentId() + "/plan.pdf";
		mvc.perform(get(path).with(signIns.as("staff"))).andExpect(status().isForbidden());
		mvc.perform(get(path).with(signIns.as("family"))).andExpect(status().isForbidden());
		mvc.perform(get(path).with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(get(path).with(signIns.as("clinician"))).andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", containsString("problem+json")));
		assertThat(jdbc.sql("""
				select count(*) from audit_record where username = 'staff' and resident_id = ? and outcome = 'DENIED'""")
			.param(resident.residentId()).query(Integer.class).single()).isEqualTo(1);
	}

	/** A first version with a problem, an objective and an intervention, signed by the resident and the clinician. */
	private PlanVersion signedFirstVersion(MilieuUser resident) {
		MilieuUser clinician = signIns.user("clinician");
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);
		plans.revise(clinician, resident.residentId(), 1, draft.revision(), new PlanDraft(START, List.of(
				new NewItem(null, ItemKind.PROBLEM, "ASAM5_RELAPSE_POTENTIAL", "I drink when I am alone at night",
						"Alcohol use disorder, evening cravings", null, null, null, null),
				new NewItem(null, ItemKind.OBJECTIVE, null, "Goes to two meetings a week", null, "Attendance sheet",
						START.plusDays(30), null, null),
				new NewItem(null, ItemKind.INTERVENTION, null, "Relapse prevention group", null, null, null,
						"Primary clinician", "Weekly"))));
		fixtures.sign(resident, draft.planId(), 1, "agreed", null);
		fixtures.sign(clinician, draft.planId(), 1, "wrote-with-resident", null);
		PlanVersion inForce = plans.version(clinician, resident.residentId(), 1);
		assertThat(inForce.status().name()).isEqualTo("IN_FORCE");
		return inForce;
	}

	/** A signed review of the version, rating its objective, written with SQL. */
	private void aSignedReview(PlanVersion version, UUID objective) {
		MilieuUser clinician = signIns.user("clinician");
		UUID review = UUID.randomUUID();
		jdbc.sql("""
				insert into plans_review (id, plan_id, program_id, resident_id, version_number, reason, held_on, summary,
				    resident_comment, created_by, created_by_name, created_at, signed_at)
				values (?, ?, ?, ?, ?, 'SCHEDULED', ?, 'Two meetings this month', 'I like the Tuesday group', ?, ?, now(), now())""")
			.params(review, version.planId(), clinician.programId().value(), version.residentId(), version.number(),
					START.plusDays(30), clinician.accountId(), clinician.displayName())
			.update();
		jdbc.sql("insert into plans_review_rating (review_id, item_id, program_id, rating, comment) values (?, ?, ?, 'PROGRESSING', ?)")
			.params(review, objective, clinician.programId().value(), "Keeps going").update();
	}

	private String pdf(UUID residentId, String username, String language) throws Exception {
		byte[] bytes = mvc.perform(get("/api/v1/residents/" + residentId + "/plan.pdf").with(signIns.as(username))
				.header("Accept-Language", language))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("treatment-plan-" + residentId + ".pdf")))
			.andReturn().getResponse().getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

}
