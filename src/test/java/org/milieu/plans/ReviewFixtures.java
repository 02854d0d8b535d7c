package org.milieu.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.signatures.Credential;
import org.milieu.signatures.SignDocument;
import org.milieu.signatures.SignableDocument;
import org.milieu.signatures.Signature;
import org.milieu.signatures.Signatures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test fixture for plan reviews: a resident of the demo clinician's house whose plan has a version in
 * force with two measurable objectives (brought into force through the plan service and the signature
 * component), and signing a review. Residents are few, so one a review test has used is used again:
 * its newest version must still be the one in force, and a review it left open is closed the way a
 * discharge closes it.
 */
@Component
public class ReviewFixtures {

	private final PlanFixtures plans;

	private final TreatmentPlans treatmentPlans;

	private final PlanReviewRows reviewRows;

	private final PlanReviewDocuments documents;

	private final Signatures signatures;

	private final DemoSignIns signIns;

	private final Census census;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	ReviewFixtures(PlanFixtures plans, TreatmentPlans treatmentPlans, PlanReviewRows reviewRows,
			PlanReviewDocuments documents, Signatures signatures, DemoSignIns signIns, Census census, JdbcClient jdbc,
			java.time.Clock clock) {
		this.plans = plans;
		this.treatmentPlans = treatmentPlans;
		this.reviewRows = reviewRows;
		this.documents = documents;
		this.signatures = signatures;
		this.signIns = signIns;
		this.census = census;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The user name of a resident whose newest plan version is in force, with this fixture's problem and
	 * two objectives (never a plan another test wrote), and no review open.
	 */
	public synchronized String aResidentWithPlanInForce() {
		MilieuUser clinician = signIns.user("clinician");
		List<UUID> reused = jdbc.sql("""
				select p.resident_id from plans_plan p
				join plans_version v on v.plan_id = p.id and v.status = 'IN_FORCE'
				where exists (select 1 from plans_review r where r.plan_id = p.id)
				  and v.number = (select max(number) from plans_version w where w.plan_id = p.id)
				  and (select count(*) from plans_item i where i.plan_id = p.id and i.version_number = v.number
				       and i.kind = 'OBJECTIVE') = 2
				  and (select array_agg(i.text order by i.position) from plans_item i where i.plan_id = p.id
				       and i.version_number = v.number) = array['I drink when I am alone at night',
				       'Goes to two meetings a week', 'Calls a sponsor every evening']::varchar[]
				order by p.resident_id limit 1""").query(UUID.class).list();
		if (!reused.isEmpty()) {
			reviewRows.closeOpen(clinician.programId().value(), reused.get(0), clock.instant(),
					"closed for the next test");
			return jdbc.sql("select username from identity_account where resident_id = ?").param(reused.get(0))
				.query(String.class).single();
		}
		String username = plans.aResidentWithoutPlan();
		MilieuUser resident = signIns.user(username);
		LocalDate today = census.day(clinician.programId());
		PlanVersion draft = treatmentPlans.startVersion(clinician, resident.residentId(), today);
		treatmentPlans.revise(clinician, resident.residentId(), 1, draft.revision(), new PlanDraft(today, List.of(
				new NewItem(null, ItemKind.PROBLEM, "ASAM5_RELAPSE_POTENTIAL", "I drink when I am alone at night",
						"Alcohol use disorder, evening cravings", null, null, null, null),
				new NewItem(null, ItemKind.OBJECTIVE, null, "Goes to two meetings a week", null,
						"Attendance sheet signed by the chair", today.plusDays(30), null, null),
				new NewItem(null, ItemKind.OBJECTIVE, null, "Calls a sponsor every evening", null, "Call log",
						today.plusDays(30), null, null))));
		plans.sign(clinician, draft.planId(), 1, "wrote-with-resident", null);
		plans.sign(resident, draft.planId(), 1, "agreed", null);
		return username;
	}

	/** Signs (or, with a reason, declines) a review in a meaning, as that signer with the demo password. */
	public Signature sign(MilieuUser signer, UUID reviewId, String meaning, String declineReason) {
		SignableDocument document = documents.document(reviewId, 1).orElseThrow();
		return signatures.sign(signer, new SignDocument(PlanReviewDocuments.KIND, reviewId, 1, meaning,
				document.contentHash(), new Credential(null, PlanFixtures.DEMO_PASSWORD, null), declineReason),
				Locale.ENGLISH);
	}

	/** The content hash of the review as it stands, for signing over the API. */
	public String contentHash(UUID reviewId) {
		return documents.document(reviewId, 1).orElseThrow().contentHash();
	}
}
