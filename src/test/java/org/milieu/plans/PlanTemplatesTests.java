package org.milieu.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The program's plan templates: the director keeps them, the clinicians read them and add one to a
 * draft, and a part that is still word for word a template's text keeps the clinician from signing.
 */
@MilieuWebTest
class PlanTemplatesTests {

	static final LocalDate START = LocalDate.of(2026, 12, 1);

	@Autowired
	PlanTemplates templates;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	DemoSignIns signIns;

	static TemplateDraft aTemplate(String name) {
		return new TemplateDraft(name, "ASAM3_EMOTIONAL_BEHAVIOURAL", "I get angry fast and then I leave",
				"Anger outbursts with walking out of treatment", List.of(
						new PlanTemplate.Part(ItemKind.GOAL, "Stay when I am angry", null, null, null, null),
						new PlanTemplate.Part(ItemKind.OBJECTIVE, "Uses a time-out instead of leaving",
								"Staff log of time-outs", 21, null, null),
						new PlanTemplate.Part(ItemKind.INTERVENTION, "Anger management group", null, null,
								"Group facilitator", "Weekly")));
	}

	@Test
	void aProgramStartsWithInventedExamplesAndTheDirectorWritesRewritesAndRetiresTemplates() {
		MilieuUser director = signIns.user("director");
		assertThat(templates.templates(signIns.user("clinician"))).extracting(PlanTemplate::name)
			.contains("Evening cravings", "Sleep problems", "Returning to work");

		PlanTemplate written = templates.create(director, aTemplate("Anger " + UUID.randomUUID()));
		assertThat(written.parts()).hasSize(3);
		assertThat(written.partsOf(ItemKind.OBJECTIVE).get(0).targetOffsetDays()).isEqualTo(21);

		TemplateDraft renamed = new TemplateDraft(written.name() + " (short)", written.area(), written.problemText(), null,
				List.of(new PlanTemplate.Part(ItemKind.GOAL, "Stay", null, null, null, null)));
		PlanTemplate rewritten = templates.revise(director, written.id(), written.revision(), renamed);
		assertThat(rewritten.revision()).isEqualTo(written.revision() + 1);
		assertThat(rewritten.parts()).hasSize(1);
		assertThat(rewritten.clinicalText()).isNull();
		assertThatThrownBy(() -> templates.revise(director, written.id(), written.revision(), renamed))
			.isInstanceOf(org.milieu.shared.VersionConflict.class);

		templates.retire(director, written.id(), rewritten.revision());
		assertThat(templates.templates(director)).extracting(PlanTemplate::id).doesNotContain(written.id());
		assertThat(templates.template(director, written.id()).retired()).isTrue();
		assertThatThrownBy(() -> templates.retire(director, written.id(), null)).isInstanceOf(StateConflict.class);
	}

	@Test
	void onlyTheDirectorWritesTemplatesAndNeitherStaffNorResidentsReadThem() {
		assertThatThrownBy(() -> templates.create(signIns.user("clinician"), aTemplate("Clinician's own")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> templates.templates(signIns.user("staff"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> templates.templates(signIns.user("resident01"))).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void badTemplatesAreRefusedNamingTheFieldAndChangeNothing() {
		MilieuUser director = signIns.user("director");
		int before = templates.templates(director).size();
		String name = "Refused " + UUID.randomUUID();
		assertField(() -> templates.create(director, new TemplateDraft(name, "ASAM9", "words", null, List.of())), "area");
		assertField(() -> templates.create(director, new TemplateDraft(name, "ASAM2_BIOMEDICAL", "words", null,
				List.of(new PlanTemplate.Part(ItemKind.GOAL, "A goal", null, null, null, null),
						new PlanTemplate.Part(ItemKind.OBJECTIVE, "No measure", " ", 10, null, null)))), "parts[1].measure");
		assertField(() -> templates.create(director, new TemplateDraft(name, "ASAM2_BIOMEDICAL", "words", null,
				List.of(new PlanTemplate.Part(ItemKind.OBJECTIVE, "Too soon", "Log", 0, null, null)))),
				"parts[0].targetOffsetDays");
		assertField(() -> templates.create(director, new TemplateDraft(name, "ASAM2_BIOMEDICAL", "words", null,
				List.of(new PlanTemplate.Part(ItemKind.PROBLEM, "Second problem", null, null, null, null)))), "parts[0].kind");
		templates.create(director, aTemplate(name));
		assertField(() -> templates.create(director, aTemplate(name.toUpperCase())), "name");
		assertThat(templates.templates(director)).hasSize(before + 1);
	}

	@Test
	void aTemplatesPartsComeMarkedAndTheClinicianSignsOnlyOnceEachIsMadeTheResidentsOwn() {
		MilieuUser clinician = signIns.user("clinician");
		MilieuUser resident = signIns.user(fixtures.aResidentWithoutPlan());
		PlanTemplate template = templates.create(signIns.user("director"), aTemplate("Anger " + UUID.randomUUID()));
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);

		PlanVersion applied = templates.apply(clinician, resident.residentId(), 1, template.id(), draft.revision());
		assertThat(applied.items()).hasSize(4).allSatisfy(i -> {
			assertThat(i.fromTemplate().templateId()).isEqualTo(template.id());
			assertThat(i.fromTemplateUnchanged()).isTrue();
			assertThat(i.authorName()).isEqualTo(clinician.displayName());
		});
		assertThat(applied.itemsOf(ItemKind.OBJECTIVE).get(0).targetDate()).isEqualTo(START.plusDays(21));
		assertThat(applied.itemsOf(ItemKind.PROBLEM).get(0).clinicalText()).isEqualTo(template.clinicalText());

		assertThatThrownBy(() -> fixtures.sign(clinician, applied.planId(), 1, "wrote-with-resident", null))
			.isInstanceOfSatisfying(RuleViolation.class, refused -> {
				assertThat(refused.code()).isEqualTo("plan.sign.template-unchanged");
				assertThat(refused.field()).isEqualTo("items");
				assertThat((String) refused.arguments()[0]).contains("I get angry fast and then I leave",
						"Uses a time-out instead of leaving", template.name());
			});

		List<NewItem> rewritten = new ArrayList<>();
		for (PlanItem i : applied.items()) {
			rewritten.add(new NewItem(i.id(), i.kind(), i.area(), i.kind() == ItemKind.GOAL ? i.text() : i.text() + " (for me)",
					i.clinicalText(), i.measure(), i.targetDate(), i.responsible(), i.frequency()));
		}
		PlanVersion partly = plans.revise(clinician, resident.residentId(), 1, applied.revision(),
				new PlanDraft(START, rewritten));
		assertThat(partly.items()).filteredOn(PlanItem::fromTemplateUnchanged).extracting(PlanItem::kind)
			.containsExactly(ItemKind.GOAL);
		assertThat(partly.itemsOf(ItemKind.PROBLEM).get(0).fromTemplate().name()).isEqualTo(template.name());
		assertThatThrownBy(() -> fixtures.sign(clinician, applied.planId(), 1, "wrote-with-resident", null))
			.isInstanceOfSatisfying(RuleViolation.class,
					refused -> assertThat((String) refused.arguments()[0]).contains("Stay when I am angry")
						.doesNotContain("Uses a time-out"));

		rewritten.set(1, new NewItem(partly.items().get(1).id(), ItemKind.GOAL, null, "Stay and talk it through with Sam",
				null, null, null, null, null));
		plans.revise(clinician, resident.residentId(), 1, partly.revision(), new PlanDraft(START, rewritten));
		assertThat(fixtures.sign(clinician, applied.planId(), 1, "wrote-with-resident", null).declined()).isFalse();
	}

	@Test
	void aResidentCannotAddATemplateAndASignedVersionTakesNone() {
		MilieuUser clinician = signIns.user("clinician");
		MilieuUser resident = signIns.user(fixtures.aResidentWithoutPlan());
		PlanTemplate template = templates.templates(clinician).get(0);
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), START);
		assertThatThrownBy(() -> templates.apply(resident, resident.residentId(), 1, template.id(), null))
			.isInstanceOf(AccessDeniedException.class);
		assertField(() -> templates.apply(clinician, resident.residentId(), 1, UUID.randomUUID(), null), "templateId");
		fixtures.sign(resident, draft.planId(), 1, "agreed", null);
		assertThatThrownBy(() -> templates.apply(clinician, resident.residentId(), 1, template.id(), null))
			.isInstanceOf(StateConflict.class);
		assertThat(plans.version(clinician, resident.residentId(), 1).items()).isEmpty();
	}

	private static void assertField(Runnable call, String field) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(RuleViolation.class,
				refused -> assertThat(refused.field()).isEqualTo(field));
	}
}
