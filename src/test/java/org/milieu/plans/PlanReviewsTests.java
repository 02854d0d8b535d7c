package org.milieu.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.shared.PageRequest;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.VersionConflict;
import org.milieu.signatures.Verification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A review of the plan in force from start to signature: who may start, rate, comment and sign, the
 * refusals that change nothing, the revision of the plan from the review, and the review that never
 * changes once signed.
 */
@MilieuWebTest
class PlanReviewsTests {

	@Autowired
	PlanReviews reviews;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	ReviewFixtures fixtures;

	@Autowired
	PlanFixtures planFixtures;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Census census;

	@Autowired
	PlanReviewsOnDischarge discharges;

	MilieuUser clinician;

	MilieuUser resident;

	@BeforeEach
	void aResidentWithAPlanInForce() {
		clinician = signIns.user("clinician");
		resident = signIns.user(fixtures.aResidentWithPlanInForce());
	}

	@Test
	void aReviewOfTheVersionInForceIsHeldTodayForTheScheduledReasonWithEveryObjectiveUnrated() {
		PlanReview review = reviews.start(clinician, resident.residentId(), null);

		assertThat(review.reason()).isEqualTo(ReviewReason.SCHEDULED);
		assertThat(review.heldOn()).isEqualTo(census.day(clinician.programId()));
		assertThat(review.versionNumber()).isEqualTo(plans.plan(clinician, resident.residentId()).current());
		assertThat(review.objectives()).hasSize(2).allSatisfy(o -> assertThat(o.rating()).isNull());
		assertThat(review.open()).isTrue();
		assertThat(review.editable()).isTrue();
	}

	@Test
	void anEventGivesItsReasonAndAReviewIsNeverHeldOnADayToCome() {
		assertThatThrownBy(() -> reviews.start(clinician, resident.residentId(), ReviewReason.LEVEL_CHANGE,
				census.day(clinician.programId()).plusDays(1)))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("heldOn"));

		PlanReview review = reviews.start(clinician, resident.residentId(), ReviewReason.MAJOR_INCIDENT,
				census.day(clinician.programId()).minusDays(2));

		assertThat(review.reason()).isEqualTo(ReviewReason.MAJOR_INCIDENT);
		assertThat(review.heldOn()).isEqualTo(census.day(clinician.programId()).minusDays(2));
	}

	@Test
	void aSecondReviewWhileOneIsOpenIsRefusedPointingAtTheOpenOne() {
		PlanReview open = reviews.start(clinician, resident.residentId(), ReviewReason.REQUESTED);

		assertThatThrownBy(() -> reviews.start(clinician, resident.residentId(), ReviewReason.SCHEDULED))
			.isInstanceOfSatisfying(ReviewOpen.class, e -> assertThat(e.openReview()).isEqualTo(open.id()));
	}

	@Test
	void withoutAVersionInForceThereIsNothingToReview() {
		MilieuUser withoutPlan = signIns.user(planFixtures.aResidentWithoutPlan());

		assertThatThrownBy(() -> reviews.start(clinician, withoutPlan.residentId(), ReviewReason.SCHEDULED))
			.isInstanceOfSatisfying(StateConflict.class, e -> assertThat(e.code()).isEqualTo("plan.review.nothing-in-force"));
		assertThat(plans.find(clinician, withoutPlan.residentId())).isEmpty();
	}

	@Test
	void theClinicianRatesEveryObjectiveTheResidentCommentsAndOnceSignedTheReviewNeverChanges() {
		PlanReview review = reviews.start(clinician, resident.residentId(), null);
		PlanReview rated = reviews.rate(clinician, resident.residentId(), review.id(), review.revision(),
				everyObjective(review, "PROGRESSING", "Went to six meetings"));
		PlanReview commented = reviews.comment(resident, resident.residentId(), review.id(), rated.revision(),
				"I want to keep going to the Tuesday meeting");

		assertThat(commented.objectives()).allSatisfy(o -> {
			assertThat(o.rating()).isEqualTo(ObjectiveRating.PROGRESSING);
			assertThat(o.comment()).isEqualTo("Went to six meetings");
		});
		assertThat(commented.summary()).isEqualTo("Steady month");
		assertThat(commented.residentComment()).isEqualTo("I want to keep going to the Tuesday meeting");

		fixtures.sign(clinician, review.id(), "reviewed-with-resident", null);

		PlanReview signed = reviews.review(clinician, resident.residentId(), review.id());
		assertThat(signed.signedAt()).isNotNull();
		assertThat(signed.open()).isFalse();
		assertThat(reviews.signaturesOf(clinician, resident.residentId(), review.id()))
			.extracting(Verification::status).containsExactly(Verification.Status.VALID);
		assertThatThrownBy(() -> reviews.rate(clinician, resident.residentId(), review.id(), signed.revision(),
				everyObjective(signed, "MET", null)))
			.isInstanceOfSatisfying(StateConflict.class, e -> assertThat(e.code()).isEqualTo("plan.review.signed"));
		assertThatThrownBy(() -> reviews.comment(resident, resident.residentId(), review.id(), signed.revision(), "Other"))
			.isInstanceOf(StateConflict.class);
		assertThatThrownBy(() -> reviews.revisePlan(clinician, resident.residentId(), review.id(), signed.revision()))
			.isInstanceOf(StateConflict.class);
		assertThat(reviews.start(clinician, resident.residentId(), null).id()).isNotEqualTo(review.id());
	}

	@Test
	void theResidentsAgreementLocksTheReviewAndTheClinicianStillSignsItDone() {
		PlanReview review = reviews.start(clinician, resident.residentId(), null);
		PlanReview rated = reviews.rate(clinician, resident.residentId(), review.id(), review.revision(),
				everyObjective(review, "CHANGED", "A new sponsor"));

		fixtures.sign(resident, review.id(), "agreed", null);

		PlanReview agreed = reviews.review(clinician, resident.residentId(), review.id());
		assertThat(agreed.editable()).isFalse();
		assertThat(agreed.signedAt()).isNull();
		assertThatThrownBy(() -> reviews.rate(clinician, resident.residentId(), review.id(), agreed.revision(),
				everyObjective(agreed, "MET", null))).isInstanceOf(StateConflict.class);
		assertThat(agreed.objectives()).extracting(PlanReview.RatedObjective::rating)
			.containsOnly(ObjectiveRating.CHANGED);

		fixtures.sign(clinician, review.id(), "reviewed-with-resident", null);

		assertThat(reviews.review(clinician, resident.residentId(), review.id()).signedAt()).isNotNull();
		assertThat(reviews.signaturesOf(clinician, resident.residentId(), review.id()))
			.extracting(Verification::status).containsOnly(Verification.Status.VALID).hasSize(2);
		assertThat(rated.revision()).isLessThan(agreed.revision());
	}

	@Test
	void aRatingOfSomethingThatIsNotAnObjectiveOfTheReviewedVersionIsRefusedNamingTheField() {
		PlanReview review = reviews.start(clinician, resident.residentId(), null);
		UUID problem = plans.version(clinician, resident.residentId(), review.versionNumber()).itemsOf(ItemKind.PROBLEM)
			.get(0).id();
		UUID objective = review.objectives().get(0).objectiveId();

		assertThatThrownBy(() -> reviews.rate(clinician, resident.residentId(), review.id(), review.revision(),
				new ReviewDraft(null, List.of(new ReviewDraft.NewRating(objective, "MET", null),
						new ReviewDraft.NewRating(problem, "MET", null)))))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("plan.review.not-an-objective");
				assertThat(v.field()).isEqualTo("ratings[1].objectiveId");
			});
		assertThatThrownBy(() -> reviews.rate(clinician, resident.residentId(), review.id(), review.revision(),
				new ReviewDraft(null, List.of(new ReviewDraft.NewRating(objective, "EXCELLENT", null)))))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("ratings[0].rating"));
		assertThatThrownBy(() -> reviews.rate(clinician, resident.residentId(), review.id(), review.revision(),
				new ReviewDraft(null, List.of(new ReviewDraft.NewRating(objective, "MET", null),
						new ReviewDraft.NewRating(objective, "DROPPED", null)))))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("ratings[1].objectiveId"));

		PlanReview unchanged = reviews.review(clinician, resident.residentId(), review.id());
		assertThat(unchanged.revision()).isEqualTo(review.revision());
		assertThat(unchanged.objectives()).allSatisfy(o -> assertThat(o.rating()).isNull());
	}

	@Autowired
	org.milieu.signatures.Signatures signatures;

	@Test
	void anUnratedReviewIsRefusedBeforeTheCredentialIsAskedSoAWrongPasswordIsNeitherCheckedNorCounted() {
		PlanReview review = reviews.start(clinician, resident.residentId(), null);

		assertThatThrownBy(() -> signatures.sign(clinician, new org.milieu.signatures.SignDocument(PlanReviewDocuments.KIND,
				review.id(), 1, "reviewed-with-resident", fixtures.contentHash(review.id()),
				new org.milieu.signatures.Credential(null, "not the password", null), null), java.util.Locale.ENGLISH))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("plan.review.unrated"));
	}

	@Test
	void aReviewWithAnObjectiveUnratedIsNeitherSignedNorDeclined() {
		PlanReview review = reviews.start(clinician, resident.residentId(), null);
		PlanReview.RatedObjective first = review.objectives().get(0);
		reviews.rate(clinician, resident.residentId(), review.id(), review.revision(),
				new ReviewDraft("Half done", List.of(new ReviewDraft.NewRating(first.objectiveId(), "MET", null))));

		assertThatThrownBy(() -> fixtures.sign(clinician, review.id(), "reviewed-with-resident", null))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("plan.review.unrated");
				assertThat(v.field()).isEqualTo("ratings");
				assertThat(v.arguments()).containsExactly(1, "Calls a sponsor every evening");
			});
		assertThatThrownBy(() -> fixtures.sign(resident, review.id(), "agreed", "Not finished"))
			.isInstanceOf(RuleViolation.class);

		PlanReview still = reviews.review(clinician, resident.residentId(), review.id());
		assertThat(still.editable()).isTrue();
		assertThat(still.signedAt()).isNull();
		assertThat(reviews.signaturesOf(clinician, resident.residentId(), review.id())).isEmpty();
	}

	@Test
	void theResidentWritesOnlyTheirOwnCommentAndStaffAndFamilyReadNothing() {
		PlanReview review = reviews.start(clinician, resident.residentId(), null);
		MilieuUser housemate = signIns.user("resident01");

		assertThatThrownBy(() -> reviews.rate(resident, resident.residentId(), review.id(), review.revision(),
				everyObjective(review, "MET", null))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reviews.comment(clinician, resident.residentId(), review.id(), review.revision(), "x"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reviews.comment(housemate, resident.residentId(), review.id(), review.revision(), "x"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reviews.start(resident, resident.residentId(), null))
			.isInstanceOf(AccessDeniedException.class);
		for (String other : List.of("staff", "family")) {
			assertThatThrownBy(() -> reviews.review(signIns.user(other), resident.residentId(), review.id()))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> reviews.reviews(signIns.user(other), resident.residentId(), PageRequest.first()))
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThat(reviews.reviews(resident, resident.residentId(), PageRequest.first()).items())
			.extracting(PlanReview::id).contains(review.id());
		assertThat(reviews.review(resident, resident.residentId(), review.id()).residentComment()).isNull();
	}

	@Test
	void anOldRevisionChangesNothing() {
		PlanReview review = reviews.start(clinician, resident.residentId(), null);
		reviews.comment(resident, resident.residentId(), review.id(), review.revision(), "My words");

		assertThatThrownBy(() -> reviews.rate(clinician, resident.residentId(), review.id(), review.revision(),
				everyObjective(review, "MET", null))).isInstanceOf(VersionConflict.class);
		assertThat(reviews.review(clinician, resident.residentId(), review.id()).objectives())
			.allSatisfy(o -> assertThat(o.rating()).isNull());
	}

	@Test
	void theReviewRevisesThePlanOnceAndNamesTheNewVersion() {
		PlanReview review = reviews.start(clinician, resident.residentId(), null);

		PlanVersion started = reviews.revisePlan(clinician, resident.residentId(), review.id(), review.revision());

		PlanReview revised = reviews.review(clinician, resident.residentId(), review.id());
		assertThat(started.status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(started.number()).isEqualTo(review.versionNumber() + 1);
		assertThat(revised.revisedToVersion()).isEqualTo(started.number());
		assertThat(PlanReviewDocuments.content(revised)).contains("revised-to-version: " + started.number());
		assertThatThrownBy(() -> reviews.revisePlan(clinician, resident.residentId(), review.id(), revised.revision()))
			.isInstanceOfSatisfying(StateConflict.class, e -> assertThat(e.code()).isEqualTo("plan.review.already-revised"));
	}

	@Test
	void aReviewStillOpenAtDischargeIsClosedAndASignedOneStaysAsItWas() {
		PlanReview review = reviews.start(clinician, resident.residentId(), ReviewReason.REQUESTED);
		var discharged = new org.milieu.residents.ResidentDischarged(clinician.programId().value(), resident.residentId(),
				null, census.day(clinician.programId()), org.milieu.residents.DischargeType.values()[0], UUID.randomUUID());

		assertThat(discharges.close(discharged)).isEqualTo(1);
		assertThat(discharges.close(discharged)).isZero();

		PlanReview closed = reviews.review(clinician, resident.residentId(), review.id());
		assertThat(closed.closedAt()).isNotNull();
		assertThat(closed.open()).isFalse();
		assertThatThrownBy(() -> reviews.rate(clinician, resident.residentId(), review.id(), closed.revision(),
				everyObjective(closed, "MET", null)))
			.isInstanceOfSatisfying(StateConflict.class, e -> assertThat(e.code()).isEqualTo("plan.review.closed"));
		assertThat(reviews.start(clinician, resident.residentId(), ReviewReason.READMISSION).reason())
			.isEqualTo(ReviewReason.READMISSION);
	}

	static ReviewDraft everyObjective(PlanReview review, String rating, String comment) {
		return new ReviewDraft("Steady month", review.objectives().stream()
			.map(o -> new ReviewDraft.NewRating(o.objectiveId(), rating, comment)).toList());
	}
}
