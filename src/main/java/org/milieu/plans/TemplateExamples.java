package org.milieu.plans;

import java.util.List;

/**
 * The invented example templates a program starts with (no real person's words): a starting point
 * the director rewrites or retires.
 */
final class TemplateExamples {

	static final List<TemplateDraft> EXAMPLES = List.of(
			new TemplateDraft("Evening cravings", "ASAM5_RELAPSE_POTENTIAL",
					"I want to drink or use in the evenings when I am on my own",
					"Cravings in the evening hours, with limited coping skills for being alone", List.of(
							new PlanTemplate.Part(ItemKind.GOAL, "Get through evenings without using", null, null, null, null),
							new PlanTemplate.Part(ItemKind.OBJECTIVE, "Attends two mutual-help meetings a week",
									"Attendance sheet signed by the chair", 30, null, null),
							new PlanTemplate.Part(ItemKind.OBJECTIVE, "Names three things to do when a craving starts",
									"Written coping card reviewed in individual session", 14, null, null),
							new PlanTemplate.Part(ItemKind.INTERVENTION, "Relapse prevention group", null, null,
									"Group facilitator", "Twice a week"))),
			new TemplateDraft("Sleep problems", "ASAM3_EMOTIONAL_BEHAVIOURAL", "I cannot sleep and I feel tired all day",
					"Persistent insomnia affecting daytime functioning", List.of(
							new PlanTemplate.Part(ItemKind.GOAL, "Sleep through most nights", null, null, null, null),
							new PlanTemplate.Part(ItemKind.OBJECTIVE, "Keeps a sleep diary every night",
									"Sleep diary reviewed weekly", 21, null, null),
							new PlanTemplate.Part(ItemKind.INTERVENTION, "Sleep hygiene sessions", null, null,
									"Primary clinician", "Weekly"))),
			new TemplateDraft("Returning to work", "ASAM6_RECOVERY_ENVIRONMENT",
					"I need a job and a steady routine when I leave",
					"Unemployment and lack of daily structure; risk to recovery after discharge", List.of(
							new PlanTemplate.Part(ItemKind.GOAL, "Have work lined up before leaving", null, null, null, null),
							new PlanTemplate.Part(ItemKind.OBJECTIVE, "Sends three job applications",
									"Copies of applications shown to the clinician", 45, null, null),
							new PlanTemplate.Part(ItemKind.INTERVENTION, "Vocational counselling", null, null,
									"Vocational counsellor", "Every two weeks"))));

	private TemplateExamples() {
	}
}
