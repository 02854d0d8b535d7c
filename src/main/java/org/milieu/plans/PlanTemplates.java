package org.milieu.plans;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.TextInput;
import org.milieu.shared.VersionConflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program's templates for common problems. The director keeps them (writes, rewrites and retires
 * them: they are the program's shared clinical wording, like its problem areas); the director and the
 * clinicians read them and add one to a draft. A template adds its problem, goals, objectives and
 * interventions as parts that name the template and keep its words, so the draft shows what is still
 * the template's text, and the clinician cannot sign while any part is (text is never carried from
 * one resident to another unchanged). A program's first use writes a few invented examples once.
 * Templates hold no resident data; changes are audited.
 */
@Service
public class PlanTemplates {

	static final int NAME_MAX = 120;

	static final int OFFSET_MAX = 730;

	private static final TextInput TEXT = new TextInput("plan");

	private static final String RESOURCE = "PlanTemplate";

	private final PlanTemplateRows rows;

	private final TreatmentPlans plans;

	private final AuditTrail trail;

	private final Clock clock;

	private final PlanAreas areas;

	PlanTemplates(PlanTemplateRows rows, TreatmentPlans plans, AuditTrail trail, Clock clock, PlanAreas areas) {
		this.areas = areas;
		this.rows = rows;
		this.plans = plans;
		this.trail = trail;
		this.clock = clock;
	}

	/** The program's templates in use, by name; for the director and the clinicians. */
	@Transactional
	public List<PlanTemplate> templates(MilieuUser user) {
		refuseUnlessClinical(user);
		seedOnFirstUse(user);
		return rows.active(program(user));
	}

	/** One template, retired or not (a retired one stays readable for the parts that came from it). */
	@Transactional(readOnly = true)
	public PlanTemplate template(MilieuUser user, UUID id) {
		refuseUnlessClinical(user);
		return rows.find(program(user), id, false).orElseThrow(() -> new RecordNotFound(RESOURCE, id));
	}

	/** The director writes a new template; bad input is refused naming the field. */
	@Transactional
	public PlanTemplate create(MilieuUser user, TemplateDraft draft) {
		refuseUnlessDirector(user);
		seedOnFirstUse(user);
		TemplateDraft checked = checked(draft, areas.all(user.programId().value()));
		UUID id = UUID.randomUUID();
		try {
			rows.add(program(user), id, checked, user.accountId(), user.displayName(), clock.instant());
		}
		catch (DuplicateKeyException taken) {
			throw new RuleViolation("plan.template.name.taken", "name");
		}
		trail.record(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS).on(RESOURCE, id));
		return rows.find(program(user), id, false).orElseThrow();
	}

	/**
	 * The director rewrites a template as a whole, on the revision read (412 when stale). Parts already
	 * added to plans keep the words they came with.
	 */
	@Transactional
	public PlanTemplate revise(MilieuUser user, UUID id, int expectedRevision, TemplateDraft draft) {
		refuseUnlessDirector(user);
		PlanTemplate found = current(user, id, expectedRevision);
		TemplateDraft checked = checked(draft, areas.all(user.programId().value()));
		try {
			rows.replace(program(user), found.id(), checked, clock.instant());
		}
		catch (DuplicateKeyException taken) {
			throw new RuleViolation("plan.template.name.taken", "name");
		}
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS).on(RESOURCE, id));
		return rows.find(program(user), id, false).orElseThrow();
	}

	/** The director retires a template: it is no longer offered; parts that came from it keep its name. */
	@Transactional
	public void retire(MilieuUser user, UUID id, Integer expectedRevision) {
		refuseUnlessDirector(user);
		current(user, id, expectedRevision);
		rows.retire(program(user), id, clock.instant());
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS).on(RESOURCE, id)
			.saying("retired"));
	}

	/**
	 * Adds a template's problem, goals, objectives (each target the given days after the version
	 * starts) and interventions to a draft, after its parts; each names the template and keeps its
	 * words until the clinician makes them the resident's own. The access policy decides as for any
	 * change of the plan; a signed version is refused (409), a stale revision when given (412).
	 */
	@Transactional
	public PlanVersion apply(MilieuUser user, UUID residentId, int number, UUID templateId, Integer expectedRevision) {
		return plans.addTeamParts(user, residentId, number, expectedRevision, version -> {
			if (templateId == null) {
				throw new RuleViolation("plan.field.required", "templateId");
			}
			PlanTemplate template = rows.find(program(user), templateId, false).filter(t -> !t.retired())
				.orElseThrow(() -> new RuleViolation("plan.template.unknown", "templateId"));
			return parts(user, template, version);
		});
	}

	private static List<PlanItem> parts(MilieuUser user, PlanTemplate template, PlanVersion version) {
		String role = TreatmentPlans.authorRole(user);
		List<PlanItem> items = new ArrayList<>();
		items.add(new PlanItem(UUID.randomUUID(), ItemKind.PROBLEM, template.area(), template.problemText(),
				template.clinicalText(), null, null, null, null, user.accountId(), user.displayName(), role, false, null,
				new PlanItem.FromTemplate(template.id(), template.name(), template.problemText())));
		for (PlanTemplate.Part p : template.parts()) {
			boolean objective = p.kind() == ItemKind.OBJECTIVE;
			boolean intervention = p.kind() == ItemKind.INTERVENTION;
			items.add(new PlanItem(UUID.randomUUID(), p.kind(), null, p.text(), null, objective ? p.measure() : null,
					objective ? version.startsOn().plusDays(p.targetOffsetDays()) : null,
					intervention ? p.responsible() : null, intervention ? p.frequency() : null, user.accountId(),
					user.displayName(), role, false, null, new PlanItem.FromTemplate(template.id(), template.name(), p.text())));
		}
		return items;
	}

	private PlanTemplate current(MilieuUser user, UUID id, Integer expectedRevision) {
		PlanTemplate found = rows.find(program(user), id, true).orElseThrow(() -> new RecordNotFound(RESOURCE, id));
		if (found.retired()) {
			throw new StateConflict("plan.template.retired-already");
		}
		if (expectedRevision != null && expectedRevision != found.revision()) {
			throw new VersionConflict(RESOURCE, expectedRevision, found.revision());
		}
		return found;
	}

	/** The draft with its words trimmed, or a refusal naming the first field at fault. */
	static TemplateDraft checked(TemplateDraft draft, List<PlanArea> programAreas) {
		if (draft == null) {
			throw new RuleViolation("plan.field.required", "name");
		}
		String name = TEXT.required(draft.name(), "name", NAME_MAX);
		String area = draft.area() == null || draft.area().isBlank() ? null : draft.area().strip();
		if (area == null) {
			throw new RuleViolation("plan.field.required", "area");
		}
		PlanAreas.accepted(programAreas, area, null, "area");
		String problem = TEXT.required(draft.problemText(), "problemText", TreatmentPlans.TEXT_MAX);
		String clinical = TEXT.optional(draft.clinicalText(), "clinicalText", TreatmentPlans.TEXT_MAX);
		List<PlanTemplate.Part> parts = new ArrayList<>();
		List<PlanTemplate.Part> given = draft.parts() == null ? List.of() : draft.parts();
		for (int i = 0; i < given.size(); i++) {
			parts.add(checked(given.get(i), "parts[" + i + "]."));
		}
		return new TemplateDraft(name, area, problem, clinical, List.copyOf(parts));
	}

	private static PlanTemplate.Part checked(PlanTemplate.Part part, String at) {
		if (part == null || part.kind() == null) {
			throw new RuleViolation("plan.field.required", at + "kind");
		}
		String text = TEXT.required(part.text(), at + "text", TreatmentPlans.TEXT_MAX);
		return switch (part.kind()) {
			case GOAL -> new PlanTemplate.Part(ItemKind.GOAL, text, null, null, null, null);
			case OBJECTIVE -> {
				String measure = part.measure() == null || part.measure().isBlank() ? null
						: TEXT.optional(part.measure(), at + "measure", 1000);
				if (measure == null) {
					throw new RuleViolation("plan.objective.measure.required", at + "measure");
				}
				if (part.targetOffsetDays() == null) {
					throw new RuleViolation("plan.field.required", at + "targetOffsetDays");
				}
				if (part.targetOffsetDays() < 1 || part.targetOffsetDays() > OFFSET_MAX) {
					throw new RuleViolation("plan.template.offset.range", at + "targetOffsetDays", OFFSET_MAX);
				}
				yield new PlanTemplate.Part(ItemKind.OBJECTIVE, text, measure, part.targetOffsetDays(), null, null);
			}
			case INTERVENTION -> new PlanTemplate.Part(ItemKind.INTERVENTION, text, null, null,
					TEXT.required(part.responsible(), at + "responsible", TreatmentPlans.SHORT_MAX),
					TEXT.required(part.frequency(), at + "frequency", TreatmentPlans.SHORT_MAX));
			default -> throw new RuleViolation("plan.template.part.kind", at + "kind");
		};
	}

	private void seedOnFirstUse(MilieuUser user) {
		Instant now = clock.instant();
		if (rows.claimSeeding(program(user), now)) {
			for (TemplateDraft example : TemplateExamples.EXAMPLES) {
				rows.add(program(user), UUID.randomUUID(), example, user.accountId(), user.displayName(), now);
			}
		}
	}

	private static void refuseUnlessClinical(MilieuUser user) {
		if (!user.has(Role.ADMIN) && !user.has(Role.CLINICIAN)) {
			throw new AccessDeniedException("plan templates are for the director and the clinicians");
		}
	}

	private static void refuseUnlessDirector(MilieuUser user) {
		if (!user.has(Role.ADMIN)) {
			throw new AccessDeniedException("the director keeps the plan templates");
		}
	}

	private static UUID program(MilieuUser user) {
		return user.programId().value();
	}
}
