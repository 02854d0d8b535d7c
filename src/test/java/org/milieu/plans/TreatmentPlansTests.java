package org.milieu.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.VersionConflict;
import org.milieu.signatures.Verification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A resident's plan from the first draft to a version in force and the next version: who may write
 * what, the refusals that change nothing, and how signatures lock a version and bring it into force.
 */
@MilieuWebTest
class TreatmentPlansTests {

	static final LocalDate START = LocalDate.of(2026, 12, 1);

	@Autowired
	TreatmentPlans plans;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlansOnDischarge discharges;

	MilieuUser clinician;

	MilieuUser resident;

	@BeforeEach
	void aResidentOfTheClinician() {
		clinician = signIns.user("clinician");
		resident = signIns.user(fixtures.aResidentWithoutPlan());
	}

	static PlanDraft aDraft() {
		return new PlanDraft(START, List.of(
				new NewItem(null, ItemKind.PROBLEM, "ASAM5_RELAPSE_POTENTIAL", "I drink when I am alone at night",
						"Alcohol use disorder, evening cravings", null, null, null, null),
				new NewItem(null, ItemKind.STRENGTH, null, "Keeps a steady job", null, null, null, null, null),
				new NewItem(null, ItemKind.OBJECTIVE, null, "Goes to two meetings a week", null,
						"Attendance sheet signed by the chair", START.plusDays(30), null, null),
				new NewItem(null, ItemKind.INTERVENTION, null, "Relapse prevention group", null, null, null,
						"Primary clinician", "Weekly")));
	}

	@Test
	void theClinicianDraftsAndEveryPartNamesItsAuthor() {
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);
		PlanVersion written = plans.revise(clinician, resident.residentId(), 1, draft.revision(), aDraft());

		assertThat(written.status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(written.items()).hasSize(4).allSatisfy(i -> {
			assertThat(i.authorAccountId()).isEqualTo(clinician.accountId());
			assertThat(i.authorRole()).isEqualTo("CLINICIAN");
			assertThat(i.residentsWords()).isFalse();
		});
		assertThat(written.itemsOf(ItemKind.PROBLEM).get(0).clinicalText()).isEqualTo("Alcohol use disorder, evening cravings");
		assertThat(written.revision()).isGreaterThan(draft.revision());
	}

	@Test
	void theResidentAddsAGoalInTheirOwnWordsWhichTheClinicianCannotRewrite() {
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);
		PlanVersion withGoal = plans.addOwnWords(resident, resident.residentId(), 1, ItemKind.GOAL,
				"Be there for my daughter's birthday");
		PlanItem goal = withGoal.itemsOf(ItemKind.GOAL).get(0);
		assertThat(goal.residentsWords()).isTrue();
		assertThat(goal.authorAccountId()).isEqualTo(resident.accountId());

		PlanVersion rewritten = plans.revise(clinician, resident.residentId(), 1, withGoal.revision(), aDraft());
		assertThat(rewritten.itemsOf(ItemKind.GOAL)).containsExactly(goal);

		PlanDraft touchingTheGoal = new PlanDraft(START, List.of(new NewItem(goal.id(), ItemKind.GOAL, null, "Other words",
				null, null, null, null, null)));
		assertThatThrownBy(() -> plans.revise(clinician, resident.residentId(), 1, rewritten.revision(), touchingTheGoal))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("items[0].id"));
		assertThat(draft.items()).isEmpty();
	}

	@Test
	void theResidentReadsTheirPlanButCannotDraftItNorReadAnothers() {
		plans.startVersion(clinician, resident.residentId(), START);

		assertThat(plans.plan(resident, resident.residentId()).versions()).hasSize(1);
		assertThatThrownBy(() -> plans.revise(resident, resident.residentId(), 1, 0, aDraft()))
			.isInstanceOf(AccessDeniedException.class);
		MilieuUser other = signIns.user(fixtures.aResidentWithoutPlan());
		assertThatThrownBy(() -> plans.plan(other, resident.residentId())).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void staffAndFamilyDoNotReadClinicalPlans() {
		plans.startVersion(clinician, resident.residentId(), START);

		assertThatThrownBy(() -> plans.plan(signIns.user("staff"), resident.residentId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> plans.plan(signIns.user("family"), resident.residentId()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(plans.plan(signIns.user("director"), resident.residentId()).versions()).hasSize(1);
	}

	@Test
	void anObjectiveWithoutAMeasureOrEndingBeforeTheStartIsRefusedNamingTheField() {
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);
		PlanDraft noMeasure = new PlanDraft(START, List.of(new NewItem(null, ItemKind.OBJECTIVE, null, "Meetings", null,
				" ", START.plusDays(5), null, null)));
		PlanDraft tooEarly = new PlanDraft(START, List.of(new NewItem(null, ItemKind.STRENGTH, null, "Kind", null, null,
				null, null, null), new NewItem(null, ItemKind.OBJECTIVE, null, "Meetings", null, "Sheet", START.minusDays(1),
						null, null)));

		assertThatThrownBy(() -> plans.revise(clinician, resident.residentId(), 1, draft.revision(), noMeasure))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("items[0].measure"));
		assertThatThrownBy(() -> plans.revise(clinician, resident.residentId(), 1, draft.revision(), tooEarly))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("items[1].targetDate"));
		assertThat(plans.version(clinician, resident.residentId(), 1).items()).isEmpty();
	}

	@Test
	void anEditOnAnOldRevisionChangesNothing() {
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);
		plans.revise(clinician, resident.residentId(), 1, draft.revision(), aDraft());

		assertThatThrownBy(() -> plans.revise(clinician, resident.residentId(), 1, draft.revision(),
				new PlanDraft(START, List.of()))).isInstanceOf(VersionConflict.class);
		assertThat(plans.version(clinician, resident.residentId(), 1).items()).hasSize(4);
	}

	@Test
	void bothSignaturesBringAVersionIntoForceAndASignedVersionNeverChanges() {
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);
		PlanVersion written = plans.revise(clinician, resident.residentId(), 1, draft.revision(), aDraft());

		fixtures.sign(clinician, written.planId(), 1, "wrote-with-resident", null);
		PlanVersion signedOnce = plans.version(clinician, resident.residentId(), 1);
		assertThat(signedOnce.status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(signedOnce.locked()).isTrue();
		assertThatThrownBy(() -> plans.revise(clinician, resident.residentId(), 1, signedOnce.revision(), aDraft()))
			.isInstanceOfSatisfying(StateConflict.class, c -> assertThat(c.code()).isEqualTo("plan.version.signed"));

		fixtures.sign(resident, written.planId(), 1, "agreed", null);
		PlanVersion inForce = plans.version(resident, resident.residentId(), 1);
		assertThat(inForce.status()).isEqualTo(PlanStatus.IN_FORCE);
		assertThat(inForce.residentDeclined()).isFalse();
		assertThat(plans.signaturesOf(clinician, resident.residentId(), 1)).hasSize(2).allMatch(Verification::valid);
	}

	@Test
	void aNewVersionCopiesThePartsWithTheirAuthorsNeedsNewSignaturesAndSupersedesTheOldOne() {
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);
		plans.addOwnWords(resident, resident.residentId(), 1, ItemKind.GOAL, "Find a place of my own");
		PlanVersion v1 = plans.revise(clinician, resident.residentId(), 1, draft.revision() + 1, aDraft());
		fixtures.sign(clinician, v1.planId(), 1, "wrote-with-resident", null);
		fixtures.sign(resident, v1.planId(), 1, "agreed", "I want more time to think about it");
		assertThat(plans.version(clinician, resident.residentId(), 1)).satisfies(v -> {
			assertThat(v.status()).isEqualTo(PlanStatus.IN_FORCE);
			assertThat(v.residentDeclined()).isTrue();
		});

		PlanVersion v2 = plans.startVersion(clinician, resident.residentId(), null);
		assertThat(v2.number()).isEqualTo(2);
		assertThat(v2.status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(v2.locked()).isFalse();
		assertThat(v2.items()).hasSize(5);
		assertThat(v2.itemsOf(ItemKind.GOAL).get(0).authorAccountId()).isEqualTo(resident.accountId());
		assertThatThrownBy(() -> plans.startVersion(clinician, resident.residentId(), null))
			.isInstanceOfSatisfying(StateConflict.class, c -> assertThat(c.code()).isEqualTo("plan.version.draft-open"));

		fixtures.sign(clinician, v2.planId(), 2, "wrote-with-resident", null);
		fixtures.sign(resident, v2.planId(), 2, "agreed", null);
		TreatmentPlan plan = plans.plan(resident, resident.residentId());
		assertThat(plan.current()).isEqualTo(2);
		assertThat(plan.versions()).extracting(TreatmentPlan.Summary::status)
			.containsExactly(PlanStatus.IN_FORCE, PlanStatus.SUPERSEDED);
		assertThat(plans.signaturesOf(resident, resident.residentId(), 1)).hasSize(2).allMatch(Verification::valid);
	}

	@Test
	void everyReadOfThePlanIsAuditedAsReadingClinicalNotes() {
		plans.startVersion(clinician, resident.residentId(), START);
		long last = jdbc.sql("select coalesce(max(id), 0) from audit_record").query(Long.class).single();
		plans.plan(resident, resident.residentId());
		plans.version(clinician, resident.residentId(), 1);
		List<String> readers = jdbc.sql("""
				select username from audit_record where id > ? and resident_id = ? and action = 'READ'
				  and 'TreatmentPlan' = any (resource_types) and 'CLINICAL_NOTES' = any (categories) order by id""")
			.params(last, resident.residentId()).query(String.class).list();
		assertThat(readers).containsExactly(resident.getUsername(), "clinician");
	}

	@Test
	void aDischargeEndsAnOpenDraftAndLeavesTheVersionInForce() {
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);
		PlanVersion v1 = plans.revise(clinician, resident.residentId(), 1, draft.revision(), aDraft());
		fixtures.sign(clinician, v1.planId(), 1, "wrote-with-resident", null);
		fixtures.sign(resident, v1.planId(), 1, "agreed", null);
		plans.startVersion(clinician, resident.residentId(), null);
		var discharged = new org.milieu.residents.ResidentDischarged(clinician.programId().value(), resident.residentId(),
				null, START.plusDays(20), org.milieu.residents.DischargeType.values()[0], java.util.UUID.randomUUID());

		assertThat(discharges.close(discharged)).isEqualTo(1);
		assertThat(discharges.close(discharged)).isZero();
		assertThat(plans.plan(clinician, resident.residentId()).versions()).extracting(TreatmentPlan.Summary::status)
			.containsExactly(PlanStatus.ENDED, PlanStatus.IN_FORCE);
	}
}
