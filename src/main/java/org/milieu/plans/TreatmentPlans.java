package org.milieu.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import java.time.Clock;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.levels.reviews.ResidentCriteria;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.TextInput;
import org.milieu.shared.VersionConflict;
import org.milieu.signatures.Signatures;
import org.milieu.signatures.Verification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's treatment plan and its versions. The resident's clinician (a clinician of their house
 * or caseload, or the director: whoever the access policy lets write clinical notes) drafts a version;
 * the resident reads every version of their own plan and adds and edits only their own goals and
 * comments; nobody else reads it (staff and family have no access to clinical notes). Every read and
 * change passes the access policy and is audited. A version someone has signed or declined to sign
 * never changes ({@link StateConflict}: start a new version); {@link #startVersion} makes the next
 * version, a draft copy that needs new signatures.
 */
@Service
public class TreatmentPlans {

	static final int TEXT_MAX = 2000;

	static final int SHORT_MAX = 200;

	private static final TextInput TEXT = new TextInput("plan");

	private static final String RESOURCE = "TreatmentPlan";

	private final PlanRows rows;

	private final AccessPolicy policy;

	private final Census census;

	private final Signatures signatures;

	private final Clock clock;

	private final ResidentCriteria criteria;

	private final PlanAreas areas;

	private final PlanAccess access;

	TreatmentPlans(PlanRows rows, AccessPolicy policy, Census census, Signatures signatures, Clock clock,
			ResidentCriteria criteria, PlanAreas areas, PlanAccess access) {
		this.access = access;
		this.criteria = criteria;
		this.areas = areas;
		this.rows = rows;
		this.policy = policy;
		this.census = census;
		this.signatures = signatures;
		this.clock = clock;
	}

	/** The resident's plan with its versions, newest first; a resident has none until a first draft. */
	@Transactional
	public TreatmentPlan plan(MilieuUser reader, UUID residentId) {
		ResidentScope scope = access.scope(reader, residentId);
		UUID planId = rows.planOf(programOf(reader), residentId).orElse(null);
		access.enforceAsPartyOrClinical(reader, AuditAction.READ, scope, RESOURCE, planId == null ? residentId : planId);
		if (planId == null) {
			throw new RecordNotFound(RESOURCE, residentId);
		}
		List<TreatmentPlan.Summary> versions = rows.versions(programOf(reader), planId);
		int current = versions.stream().filter(v -> v.status() == PlanStatus.IN_FORCE).findFirst()
			.orElse(versions.get(0)).number();
		return new TreatmentPlan(planId, residentId, versions, current);
	}

	/** The resident's plan, or empty when they have none yet; the read (or the look for one) is audited. */
	@Transactional
	public java.util.Optional<TreatmentPlan> find(MilieuUser reader, UUID residentId) {
		try {
			return java.util.Optional.of(plan(reader, residentId));
		}
		catch (RecordNotFound none) {
			return java.util.Optional.empty();
		}
	}

	/** One version with all its parts and their authors; every version stays readable. */
	@Transactional
	public PlanVersion version(MilieuUser reader, UUID residentId, int number) {
		ResidentScope scope = access.scope(reader, residentId);
		UUID planId = rows.planOf(programOf(reader), residentId).orElse(null);
		access.enforceAsPartyOrClinical(reader, AuditAction.READ, scope, RESOURCE, planId == null ? residentId : planId);
		return rows.version(programOf(reader), required(planId, residentId), number, false)
			.orElseThrow(() -> new RecordNotFound("TreatmentPlanVersion", number));
	}

	private static UUID required(UUID planId, UUID residentId) {
		if (planId == null) {
			throw new RecordNotFound(RESOURCE, residentId);
		}
		return planId;
	}


	/** The SHA-256 of the version's content as it is now: what a signature of it must name (the signing page shows it too). */
	public static String contentHash(PlanVersion version) {
		return org.milieu.signatures.SignableDocument.hashOfText(PlanDocuments.content(version));
	}

	/** The version's signatures and declines, each checked against the version's content now. */
	@Transactional
	public List<Verification> signaturesOf(MilieuUser reader, UUID residentId, int number) {
		PlanVersion version = version(reader, residentId, number);
		return signatures.signaturesOf(reader, PlanDocuments.KIND, version.planId(), number);
	}

	/**
	 * The level criteria an objective of the resident's plan may be linked to: those of every level
	 * above the resident's own, as their adjustments make them (the read of levels data is audited).
	 */
	@Transactional
	public List<org.milieu.levels.reviews.CriterionChoice> criteriaAhead(MilieuUser reader, UUID residentId) {
		return criteria.ahead(reader, residentId);
	}

	/** Whether this person may draft and edit the resident's plan (the pages show the forms by it). */
	@Transactional(readOnly = true)
	public boolean mayDraft(MilieuUser user, UUID residentId) {
		return !user.has(Role.RESIDENT) && policy.decide(user, org.milieu.identity.AccessAction.WRITE,
				DataCategory.CLINICAL_NOTES, access.scope(user, residentId)).allowed();
	}

	/**
	 * Starts the next version: the first one of a new plan (a draft starting {@code startsOn}, today
	 * when left out), or a draft copy of the newest version, whose parts keep their authors and which
	 * needs new signatures. An open draft nobody has signed yet is edited, not copied (409).
	 */
	@Transactional
	public PlanVersion startVersion(MilieuUser user, UUID residentId, LocalDate startsOn) {
		UUID program = programOf(user);
		CensusEntry resident = census.find(user.programId(), residentId).orElse(null);
		ResidentScope scope = new ResidentScope(residentId, resident == null ? null : resident.houseId());
		UUID planId = rows.planOf(program, residentId).orElse(null);
		policy.enforce(user, AuditAction.CREATE, DataCategory.CLINICAL_NOTES, scope, RESOURCE,
				planId == null ? residentId : planId);
		if (user.has(Role.RESIDENT)) {
			throw new org.springframework.security.access.AccessDeniedException("residents do not draft plans");
		}
		if (resident == null) {
			throw new RecordNotFound("Resident", residentId);
		}
		if (startsOn != null && startsOn.isBefore(resident.admittedOn())) {
			throw new RuleViolation("plan.starts-on.before-admission", "startsOn", resident.admittedOn());
		}
		java.time.Instant now = clock.instant();
		if (planId == null) {
			planId = UUID.randomUUID();
			rows.addPlan(planId, program, residentId, now);
			rows.addVersion(program, planId, 1, startsOn != null ? startsOn : census.day(user.programId()),
					user.accountId(), user.displayName(), now);
			return rows.version(program, planId, 1, false).orElseThrow();
		}
		int latest = rows.latestNumber(planId);
		PlanVersion previous = rows.version(program, planId, latest, true).orElseThrow();
		if (previous.status() == PlanStatus.DRAFT && !previous.locked()) {
			throw new StateConflict("plan.version.draft-open");
		}
		LocalDate start = startsOn != null ? startsOn : previous.startsOn();
		for (int i = 0; i < previous.items().size(); i++) {
			PlanItem item = previous.items().get(i);
			if (item.targetDate() != null && item.targetDate().isBefore(start)) {
				throw new RuleViolation("plan.target-date.before-start", "startsOn", start);
			}
		}
		rows.addVersion(program, planId, latest + 1, start, user.accountId(), user.displayName(), now);
		rows.addItems(program, planId, latest + 1, 0,
				previous.items().stream().map(item -> copy(item, UUID.randomUUID())).toList());
		return rows.version(program, planId, latest + 1, false).orElseThrow();
	}

	/**
	 * Rewrites the team's parts of a draft as a whole, on the revision the editor read. The resident's
	 * own words stay as they wrote them. A part sent back unchanged (same id, same words) keeps its
	 * author; a new or changed part is the editor's. A version anyone has signed is refused (409: start
	 * a new version); an old revision changes nothing (412); bad input is refused naming the field.
	 */
	@Transactional
	public PlanVersion revise(MilieuUser user, UUID residentId, int number, int expectedRevision, PlanDraft draft) {
		UUID program = programOf(user);
		ResidentScope scope = access.scope(user, residentId);
		UUID found = rows.planOf(program, residentId).orElse(null);
		policy.enforce(user, AuditAction.UPDATE, DataCategory.CLINICAL_NOTES, scope, RESOURCE, found == null ? residentId : found);
		if (user.has(Role.RESIDENT)) {
			throw new org.springframework.security.access.AccessDeniedException("residents write only their own words");
		}
		UUID planId = required(found, residentId);
		PlanVersion version = editable(program, planId, number, expectedRevision);
		if (draft == null || draft.startsOn() == null) {
			throw new RuleViolation("plan.field.required", "startsOn");
		}
		Map<UUID, PlanItem> existing = version.items().stream()
			.collect(Collectors.toMap(PlanItem::id, Function.identity()));
		List<PlanItem> written = new ArrayList<>();
		List<NewItem> items = draft.items() == null ? List.of() : draft.items();
		List<PlanArea> programAreas = areas.all(program);
		for (int i = 0; i < items.size(); i++) {
			PlanItem item = teamItem(user, items.get(i), "items[" + i + "].", draft.startsOn(), existing, programAreas);
			checkLink(user, residentId, item, existing.get(item.id()), "items[" + i + "].criterion");
			written.add(item);
		}
		version.items().stream().filter(PlanItem::residentsWords).forEach(written::add);
		rows.replaceItems(program, planId, number, written);
		rows.revised(planId, number, draft.startsOn());
		return rows.version(program, planId, number, false).orElseThrow();
	}

	/** The resident adds a goal or a comment in their own words to a draft of their own plan. */
	@Transactional
	public PlanVersion addOwnWords(MilieuUser user, UUID residentId, int number, ItemKind kind, String text) {
		UUID program = programOf(user);
		ResidentScope scope = access.scope(user, residentId);
		UUID id = UUID.randomUUID();
		policy.enforceResidentContribution(user, AuditAction.CREATE, DataCategory.CLINICAL_NOTES, scope, "TreatmentPlanGoal",
				id, null);
		UUID planId = required(rows.planOf(program, residentId).orElse(null), residentId);
		PlanVersion version = editable(program, planId, number, null);
		if (kind == null || !kind.residentMayWrite()) {
			throw new RuleViolation("plan.own-words.kind", "kind");
		}
		String words = TEXT.required(text, "text", TEXT_MAX);
		rows.addItem(program, planId, number, rows.nextPosition(planId, number), new PlanItem(id, kind, null, words, null,
				null, null, null, null, user.accountId(), user.displayName(), Role.RESIDENT.name(), true));
		rows.revised(planId, number, version.startsOn());
		return rows.version(program, planId, number, false).orElseThrow();
	}

	/** The resident rewrites one of their own goals or comments in a draft, on the revision they read. */
	@Transactional
	public PlanVersion reviseOwnWords(MilieuUser user, UUID residentId, int number, UUID itemId, int expectedRevision,
			String text) {
		UUID program = programOf(user);
		ResidentScope scope = access.scope(user, residentId);
		policy.enforceResidentContribution(user, AuditAction.UPDATE, DataCategory.CLINICAL_NOTES, scope,
				"TreatmentPlanGoal", itemId, null);
		UUID planId = required(rows.planOf(program, residentId).orElse(null), residentId);
		PlanVersion version = editable(program, planId, number, expectedRevision);
		PlanItem item = version.items().stream().filter(i -> i.id().equals(itemId)).findFirst()
			.orElseThrow(() -> new RecordNotFound("TreatmentPlanGoal", itemId));
		if (!item.residentsWords() || !item.authorAccountId().equals(user.accountId())) {
			throw new org.springframework.security.access.AccessDeniedException("only the resident's own words");
		}
		rows.updateItemText(itemId, TEXT.required(text, "text", TEXT_MAX));
		rows.revised(planId, number, version.startsOn());
		return rows.version(program, planId, number, false).orElseThrow();
	}

	/**
	 * Adds parts the team did not write one by one (a template's) after a draft's parts, as the access
	 * policy allows any change of the plan; {@code parts} builds them from the draft as it stands.
	 */
	@Transactional
	PlanVersion addTeamParts(MilieuUser user, UUID residentId, int number, Integer expectedRevision,
			Function<PlanVersion, List<PlanItem>> parts) {
		UUID program = programOf(user);
		ResidentScope scope = access.scope(user, residentId);
		UUID found = rows.planOf(program, residentId).orElse(null);
		policy.enforce(user, AuditAction.UPDATE, DataCategory.CLINICAL_NOTES, scope, RESOURCE, found == null ? residentId : found);
		if (user.has(Role.RESIDENT)) {
			throw new org.springframework.security.access.AccessDeniedException("residents write only their own words");
		}
		UUID planId = required(found, residentId);
		PlanVersion version = editable(program, planId, number, expectedRevision);
		rows.addItems(program, planId, number, rows.nextPosition(planId, number), parts.apply(version));
		rows.revised(planId, number, version.startsOn());
		return rows.version(program, planId, number, false).orElseThrow();
	}

	private PlanVersion editable(UUID program, UUID planId, int number, Integer expectedRevision) {
		PlanVersion version = rows.version(program, planId, number, true)
			.orElseThrow(() -> new RecordNotFound("TreatmentPlanVersion", number));
		if (version.locked() || version.status() != PlanStatus.DRAFT) {
			throw new StateConflict("plan.version.signed");
		}
		if (expectedRevision != null && expectedRevision != version.revision()) {
			throw new VersionConflict("TreatmentPlanVersion", expectedRevision, version.revision());
		}
		return version;
	}

	/**
	 * An objective's link to a level criterion names one of the resident's criteria still ahead when
	 * it is written or changed; a link the part already had (carried from a signed version) stays,
	 * even after the resident has passed that level, as the signed content it was.
	 */
	private void checkLink(MilieuUser user, UUID residentId, PlanItem item, PlanItem before, String field) {
		if (item.criterion() != null && (before == null || !item.criterion().equals(before.criterion()))
				&& criteria.find(user.programId(), residentId, item.criterion()).isEmpty()) {
			throw new RuleViolation("plan.criterion.unknown", field);
		}
	}

	private static PlanItem teamItem(MilieuUser user, NewItem in, String at, LocalDate startsOn,
			Map<UUID, PlanItem> existing, List<PlanArea> programAreas) {
		if (in == null || in.kind() == null) {
			throw new RuleViolation("plan.field.required", at + "kind");
		}
		String text = TEXT.required(in.text(), at + "text", TEXT_MAX);
		String area = null;
		String clinical = null;
		String measure = null;
		LocalDate target = null;
		String responsible = null;
		String frequency = null;
		if (in.criterion() != null && in.kind() != ItemKind.OBJECTIVE) {
			throw new RuleViolation("plan.criterion.objective-only", at + "criterion");
		}
		switch (in.kind()) {
			case PROBLEM -> {
				area = in.area() == null || in.area().isBlank() ? null : in.area().strip();
				if (area == null) {
					throw new RuleViolation("plan.field.required", at + "area");
				}
				PlanItem had = in.id() == null ? null : existing.get(in.id());
				PlanAreas.accepted(programAreas, area, had == null ? null : had.area(), at + "area");
				clinical = TEXT.optional(in.clinicalText(), at + "clinicalText", TEXT_MAX);
			}
			case OBJECTIVE -> {
				measure = in.measure() == null || in.measure().isBlank() ? null
						: TEXT.optional(in.measure(), at + "measure", 1000);
				if (measure == null) {
					throw new RuleViolation("plan.objective.measure.required", at + "measure");
				}
				if (in.targetDate() == null) {
					throw new RuleViolation("plan.field.required", at + "targetDate");
				}
				if (in.targetDate().isBefore(startsOn)) {
					throw new RuleViolation("plan.target-date.before-start", at + "targetDate", startsOn);
				}
				target = in.targetDate();
				if (in.criterion() != null && (in.criterion().key() == null || in.criterion().key().isBlank())) {
					throw new RuleViolation("plan.criterion.unknown", at + "criterion");
				}
			}
			case INTERVENTION -> {
				responsible = TEXT.required(in.responsible(), at + "responsible", SHORT_MAX);
				frequency = TEXT.required(in.frequency(), at + "frequency", SHORT_MAX);
			}
			default -> {
			}
		}
		PlanItem before = in.id() == null ? null : existing.get(in.id());
		if (before != null && before.residentsWords()) {
			throw new RuleViolation("plan.item.residents-words", at + "id");
		}
		if (before != null && before.kind() == in.kind() && Objects.equals(before.area(), area)
				&& before.text().equals(text) && Objects.equals(before.clinicalText(), clinical)
				&& Objects.equals(before.measure(), measure) && Objects.equals(before.targetDate(), target)
				&& Objects.equals(before.responsible(), responsible) && Objects.equals(before.frequency(), frequency)
				&& Objects.equals(before.criterion(), in.criterion())) {
			return before;
		}
		return new PlanItem(before != null ? before.id() : UUID.randomUUID(), in.kind(), area, text, clinical, measure,
				target, responsible, frequency, user.accountId(), user.displayName(), authorRole(user), false,
				in.criterion(), before != null && before.kind() == in.kind() ? before.fromTemplate() : null);
	}

	static String authorRole(MilieuUser user) {
		return user.has(Role.CLINICIAN) ? Role.CLINICIAN.name() : user.has(Role.ADMIN) ? Role.ADMIN.name()
				: user.roles().iterator().next().name();
	}

	private static PlanItem copy(PlanItem item, UUID id) {
		return new PlanItem(id, item.kind(), item.area(), item.text(), item.clinicalText(), item.measure(),
				item.targetDate(), item.responsible(), item.frequency(), item.authorAccountId(), item.authorName(),
				item.authorRole(), item.residentsWords(), item.criterion(), item.fromTemplate());
	}

	private static UUID programOf(MilieuUser user) {
		return user.programId().value();
	}
}
