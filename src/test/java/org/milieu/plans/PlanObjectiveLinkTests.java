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
import org.milieu.levels.facts.CriterionLink;
import org.milieu.levels.facts.Fact;
import org.milieu.levels.facts.FactKind;
import org.milieu.levels.facts.LevelFacts;
import org.milieu.levels.facts.ManualFacts;
import org.milieu.levels.reviews.CriterionChoice;
import org.milieu.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An objective linked to one of the resident's level criteria still ahead: the link is checked,
 * signed with the version and copied into the next one, and the signed reviews' ratings of linked
 * objectives are PLAN_OBJECTIVE facts for the level evidence, nothing else. The reviews are written
 * with SQL into the review tables, as the review service writes them.
 */
@MilieuWebTest
class PlanObjectiveLinkTests {

	@Autowired
	TreatmentPlans plans;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	PlanObjectiveLinks links;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	LevelFacts facts;

	@Autowired
	ManualFacts manual;

	MilieuUser clinician;

	MilieuUser resident;

	CriterionChoice criterion;

	@BeforeEach
	void aResidentOfTheClinicianWithACriterionAhead() {
		clinician = signIns.user("clinician");
		resident = signIns.user(fixtures.aResidentWithoutPlan());
		criterion = links.nextCriterion(clinician, resident);
	}

	@Test
	void anObjectiveLinkedToACriterionAheadKeepsTheLinkAndItIsPartOfTheSignedContent() {
		PlanVersion version = links.inForce(clinician, resident, criterion.link(), "Goes to two meetings a week");

		PlanItem linked = version.itemsOf(ItemKind.OBJECTIVE).get(0);
		assertThat(linked.criterion()).isEqualTo(criterion.link());
		assertThat(version.itemsOf(ItemKind.OBJECTIVE).get(1).criterion()).isNull();
		assertThat(PlanDocuments.content(version)).contains("level-criterion: " + criterion.link().value());
	}

	@Test
	void aLinkToNoCriterionAheadOrOnAPartThatIsNoObjectiveIsRefusedNamingTheFieldAndChangesNothing() {
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), null);
		LocalDate start = draft.startsOn();
		NewItem unknown = new NewItem(null, ItemKind.OBJECTIVE, null, "Keeps the room tidy", null, "Room check",
				start.plusDays(30), null, null, new CriterionLink(criterion.level(), "no-such-criterion"));
		NewItem passed = new NewItem(null, ItemKind.OBJECTIVE, null, "Keeps the room tidy", null, "Room check",
				start.plusDays(30), null, null, new CriterionLink(1, criterion.key()));
		NewItem strength = new NewItem(null, ItemKind.STRENGTH, null, "Kind to others", null, null, null, null, null,
				criterion.link());

		assertThatThrownBy(() -> plans.revise(clinician, resident.residentId(), 1, draft.revision(),
				new PlanDraft(start, List.of(unknown))))
			.isInstanceOfSatisfying(RuleViolation.class, r -> {
				assertThat(r.code()).isEqualTo("plan.criterion.unknown");
				assertThat(r.field()).isEqualTo("items[0].criterion");
			});
		assertThatThrownBy(() -> plans.revise(clinician, resident.residentId(), 1, draft.revision(),
				new PlanDraft(start, List.of(strength, passed))))
			.isInstanceOfSatisfying(RuleViolation.class, r -> assertThat(r.field()).isEqualTo("items[0].criterion"));
		assertThatThrownBy(() -> plans.revise(clinician, resident.residentId(), 1, draft.revision(),
				new PlanDraft(start, List.of(passed))))
			.isInstanceOfSatisfying(RuleViolation.class, r -> assertThat(r.field()).isEqualTo("items[0].criterion"));

		PlanVersion after = plans.version(clinician, resident.residentId(), 1);
		assertThat(after.items()).isEmpty();
		assertThat(after.revision()).isEqualTo(draft.revision());
	}

	@Test
	void theLinkIsCopiedIntoTheNextVersionAndStaysWhenTheDraftIsEdited() {
		links.inForce(clinician, resident, criterion.link(), "Goes to two meetings a week");

		PlanVersion next = plans.startVersion(clinician, resident.residentId(), null);
		assertThat(next.itemsOf(ItemKind.OBJECTIVE).get(0).criterion()).isEqualTo(criterion.link());

		List<NewItem> same = next.items().stream().map(i -> new NewItem(i.id(), i.kind(), i.area(), i.text(),
				i.clinicalText(), i.measure(), i.targetDate(), i.responsible(), i.frequency(), i.criterion())).toList();
		PlanVersion edited = plans.revise(clinician, resident.residentId(), 2, next.revision(),
				new PlanDraft(next.startsOn(), same));
		assertThat(edited.itemsOf(ItemKind.OBJECTIVE).get(0).criterion()).isEqualTo(criterion.link());
		assertThat(edited.itemsOf(ItemKind.OBJECTIVE).get(0).authorAccountId()).isEqualTo(clinician.accountId());
	}

	@Test
	void onlySignedReviewsRatingsOfLinkedObjectivesWithinTheDaysAskedAreLevelFacts() {
		PlanVersion version = links.inForce(clinician, resident, criterion.link(), "Goes to two meetings a week");
		PlanItem linked = version.itemsOf(ItemKind.OBJECTIVE).get(0);
		PlanItem unlinked = version.itemsOf(ItemKind.OBJECTIVE).get(1);
		LocalDate today = links.today(resident);
		links.review(version, clinician, today.minusDays(20), true, linked.id(), "NOT_PROGRESSING", unlinked.id(), "MET");
		links.review(version, clinician, today.minusDays(5), true, linked.id(), "PROGRESSING", unlinked.id(), "MET");
		links.review(version, clinician, today.minusDays(1), false, linked.id(), "MET");

		List<Fact> lastTwoWeeks = facts.facts(FactKind.PLAN_OBJECTIVE, resident.programId(),
				List.of(resident.residentId()), today.minusDays(13), today);

		assertThat(lastTwoWeeks).singleElement().satisfies(f -> {
			assertThat(f.outcome()).isEqualTo("PROGRESSING");
			assertThat(f.occurredOn()).isEqualTo(today.minusDays(5));
			assertThat(f.detail()).isEqualTo("Goes to two meetings a week");
			assertThat(f.criterion()).isEqualTo(criterion.link());
			assertThat(f.origin().module()).isEqualTo("plans");
			assertThat(f.origin().link()).isEqualTo("/residents/" + resident.residentId() + "/plan?version=1");
			assertThat(f.byHand()).isFalse();
		});
		assertThat(facts.facts(FactKind.PLAN_OBJECTIVE, resident.programId(), List.of(resident.residentId()),
				today.minusDays(30), today)).extracting(Fact::outcome).containsExactlyInAnyOrder("PROGRESSING", "NOT_PROGRESSING");
		assertThat(facts.facts(FactKind.PLAN_OBJECTIVE, resident.programId(), List.of(clinician.accountId()),
				today.minusDays(30), today)).isEmpty();
	}

	@Test
	void aPlanObjectiveIsNeverEnteredByHand() {
		assertThatThrownBy(() -> manual.record(clinician, resident.residentId(), FactKind.PLAN_OBJECTIVE,
				links.today(resident), "MET", "entered by hand"))
			.isInstanceOfSatisfying(RuleViolation.class, r -> {
				assertThat(r.code()).isEqualTo("fact.kind.owned");
				assertThat(r.field()).isEqualTo("kind");
			});
	}
}
