package org.milieu.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.shared.DataCategory;
import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.Slice;
import org.milieu.shared.StateConflict;
import org.milieu.shared.TextInput;
import org.milieu.shared.VersionConflict;
import org.milieu.signatures.Signatures;
import org.milieu.signatures.Verification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews of a resident's treatment plan. A clinician who may write the resident's plan starts a
 * review of the version in force (one open review per plan at a time), rates every objective of that
 * version, writes a summary, may revise the plan (a new version, which the review names), and signs
 * it through the signature component; the resident reads their own reviews and writes their own
 * comment on an open one. Staff and family have no access, as to the plan. Every read and change
 * passes the access policy and is audited. Once anyone has signed or declined a review it never
 * changes (409), and it is signed only when every objective has a rating.
 */
@Service
public class PlanReviews {

	static final int COMMENT_MAX = 1000;

	private static final TextInput TEXT = new TextInput("plan.review");

	private static final String RESOURCE = "TreatmentPlanReview";

	private final PlanReviewRows reviews;

	private final PlanRows plans;

	private final TreatmentPlans treatmentPlans;

	private final AccessPolicy policy;

	private final Census census;

	private final Signatures signatures;

	private final Clock clock;

	private final PlanAccess access;

	PlanReviews(PlanReviewRows reviews, PlanRows plans, TreatmentPlans treatmentPlans, AccessPolicy policy, Census census,
			Signatures signatures, Clock clock, PlanAccess access) {
		this.access = access;
		this.reviews = reviews;
		this.plans = plans;
		this.treatmentPlans = treatmentPlans;
		this.policy = policy;
		this.census = census;
		this.signatures = signatures;
		this.clock = clock;
	}

	/** Starts a review held today, for the reason given (the schedule, an event, a request). See {@link #start(MilieuUser, UUID, ReviewReason, LocalDate)}. */
	@Transactional
	public PlanReview start(MilieuUser user, UUID residentId, ReviewReason reason) {
		return start(user, residentId, reason, null);
	}

	/**
	 * Starts a review of the version in force, held on {@code heldOn} (today in the program's zone when
	 * left out; never a day to come), for {@code reason} ({@link ReviewReason#SCHEDULED} when left out).
	 * Refused with {@link StateConflict} when no version is in force, and with {@link ReviewOpen} (naming
	 * it) when the plan has a review nobody has finished: that one is continued, not doubled.
	 */
	@Transactional
	public PlanReview start(MilieuUser user, UUID residentId, ReviewReason reason, LocalDate heldOn) {
		UUID program = programOf(user);
		ResidentScope scope = access.scope(user, residentId);
		UUID planId = plans.planOf(program, residentId).orElse(null);
		UUID id = UUID.randomUUID();
		policy.enforce(user, AuditAction.CREATE, DataCategory.CLINICAL_NOTES, scope, RESOURCE, id);
		refuseResident(user);
		LocalDate today = census.day(user.programId());
		if (heldOn != null && heldOn.isAfter(today)) {
			throw new RuleViolation("plan.review.held-on.future", "heldOn", today);
		}
		if (planId == null) {
			throw new StateConflict("plan.review.nothing-in-force");
		}
		int inForce = plans.versions(program, planId).stream().filter(v -> v.status() == PlanStatus.IN_FORCE)
			.findFirst().orElseThrow(() -> new StateConflict("plan.review.nothing-in-force")).number();
		Optional<UUID> open = reviews.openReview(program, planId);
		if (open.isPresent()) {
			throw new ReviewOpen(open.get());
		}
		reviews.add(id, program, planId, residentId, inForce, reason == null ? ReviewReason.SCHEDULED : reason,
				heldOn == null ? today : heldOn, user.accountId(), user.displayName(), clock.instant());
		return reviews.review(program, residentId, id, false).orElseThrow();
	}

	/** One review with every objective of the reviewed version and its rating; the resident reads their own. */
	@Transactional
	public PlanReview review(MilieuUser reader, UUID residentId, UUID reviewId) {
		access.enforceAsPartyOrClinical(reader, AuditAction.READ, access.scope(reader, residentId), RESOURCE, reviewId);
		return found(programOf(reader), residentId, reviewId, false);
	}

	/** The resident's reviews, the latest held first, a page at a time; the read is audited. */
	@Transactional
	public Slice<PlanReview> reviews(MilieuUser reader, UUID residentId, PageRequest page) {
		access.enforceAsPartyOrClinical(reader, AuditAction.READ, access.scope(reader, residentId), RESOURCE, residentId);
		return page.slice(reviews.reviews(programOf(reader), residentId, page.after(), page.fetch()),
				r -> Keyset.of(r.heldOn(), r.id()));
	}

	/** The latest review held, if any (the profile tab and the plan page show its date). */
	@Transactional
	public Optional<PlanReview> latest(MilieuUser reader, UUID residentId) {
		return reviews(reader, residentId, new PageRequest(null, 1)).items().stream().findFirst();
	}

	/** Whether this person may start, rate and sign the resident's reviews (the pages show the forms by it). */
	@Transactional(readOnly = true)
	public boolean mayReview(MilieuUser user, UUID residentId) {
		return treatmentPlans.mayDraft(user, residentId);
	}

	/**
	 * The clinician's part as a whole, on the revision read: the summary and the ratings (an objective
	 * left out stays unrated). Each rating must be of an objective of the reviewed version, named once,
	 * with a known rating; otherwise nothing changes and the field is named (422). A signed or closed
	 * review is refused (409), an old revision too (412).
	 */
	@Transactional
	public PlanReview rate(MilieuUser user, UUID residentId, UUID reviewId, int expectedRevision, ReviewDraft draft) {
		UUID program = programOf(user);
		policy.enforce(user, AuditAction.UPDATE, DataCategory.CLINICAL_NOTES, access.scope(user, residentId), RESOURCE, reviewId);
		refuseResident(user);
		PlanReview review = editable(program, residentId, reviewId, expectedRevision);
		String summary = TEXT.optional(draft == null ? null : draft.summary(), "summary", TreatmentPlans.TEXT_MAX);
		Map<UUID, PlanReview.RatedObjective> objectives = review.objectives().stream()
			.collect(Collectors.toMap(PlanReview.RatedObjective::objectiveId, Function.identity()));
		List<ReviewDraft.NewRating> given = draft == null || draft.ratings() == null ? List.of() : draft.ratings();
		List<PlanReview.RatedObjective> rated = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			String at = "ratings[" + i + "].";
			ReviewDraft.NewRating in = given.get(i);
			if (in == null || in.objectiveId() == null) {
				throw new RuleViolation("plan.review.field.required", at + "objectiveId");
			}
			PlanReview.RatedObjective objective = objectives.get(in.objectiveId());
			if (objective == null) {
				throw new RuleViolation("plan.review.not-an-objective", at + "objectiveId", review.versionNumber());
			}
			if (!seen.add(in.objectiveId())) {
				throw new RuleViolation("plan.review.objective.twice", at + "objectiveId");
			}
			rated.add(new PlanReview.RatedObjective(objective.objectiveId(), objective.text(), objective.measure(),
					objective.targetDate(), ObjectiveRating.named(in.rating(), at + "rating"),
					TEXT.optional(in.comment(), at + "comment", COMMENT_MAX)));
		}
		reviews.rate(program, reviewId, summary, rated);
		return found(program, residentId, reviewId, false);
	}

	/**
	 * The resident writes (or rewrites) their own comment on an open review of their own plan, on the
	 * revision they read; only they write it, and only it. A blank comment clears it.
	 */
	@Transactional
	public PlanReview comment(MilieuUser user, UUID residentId, UUID reviewId, int expectedRevision, String text) {
		policy.enforceResidentContribution(user, AuditAction.UPDATE, DataCategory.CLINICAL_NOTES, access.scope(user, residentId),
				"TreatmentPlanReviewComment", reviewId, null);
		UUID program = programOf(user);
		editable(program, residentId, reviewId, expectedRevision);
		reviews.comment(reviewId, TEXT.optional(text, "comment", TreatmentPlans.TEXT_MAX));
		return found(program, residentId, reviewId, false);
	}

	/**
	 * The review revises the plan: a new draft version is started (a copy of the newest version, as
	 * {@link TreatmentPlans#startVersion} makes it) and the review names it. A review revises the plan
	 * once; a signed or closed review not at all (409); an open draft is edited instead (409).
	 */
	@Transactional
	public PlanVersion revisePlan(MilieuUser user, UUID residentId, UUID reviewId, int expectedRevision) {
		UUID program = programOf(user);
		policy.enforce(user, AuditAction.UPDATE, DataCategory.CLINICAL_NOTES, access.scope(user, residentId), RESOURCE, reviewId);
		refuseResident(user);
		PlanReview review = editable(program, residentId, reviewId, expectedRevision);
		if (review.revisedToVersion() != null) {
			throw new StateConflict("plan.review.already-revised");
		}
		PlanVersion started = treatmentPlans.startVersion(user, residentId, null);
		reviews.revisedTo(reviewId, started.number());
		return started;
	}

	/** The SHA-256 of the review's content as it is now: what a signature of it must name. */
	public static String contentHash(PlanReview review) {
		return org.milieu.signatures.SignableDocument.hashOfText(PlanReviewDocuments.content(review));
	}

	/** The review's signatures and declines, each checked against the review's content now. */
	@Transactional
	public List<Verification> signaturesOf(MilieuUser reader, UUID residentId, UUID reviewId) {
		review(reader, residentId, reviewId);
		return signatures.signaturesOf(reader, PlanReviewDocuments.KIND, reviewId, PlanReviewDocuments.VERSION);
	}

	private PlanReview editable(UUID program, UUID residentId, UUID reviewId, int expectedRevision) {
		PlanReview review = found(program, residentId, reviewId, true);
		if (review.closedAt() != null) {
			throw new StateConflict("plan.review.closed");
		}
		if (!review.editable()) {
			throw new StateConflict("plan.review.signed");
		}
		if (expectedRevision != review.revision()) {
			throw new VersionConflict(RESOURCE, expectedRevision, review.revision());
		}
		return review;
	}

	private PlanReview found(UUID program, UUID residentId, UUID reviewId, boolean forUpdate) {
		return reviews.review(program, residentId, reviewId, forUpdate)
			.orElseThrow(() -> new RecordNotFound(RESOURCE, reviewId));
	}

	private static void refuseResident(MilieuUser user) {
		if (user.has(Role.RESIDENT)) {
			throw new AccessDeniedException("residents write only their own comment on a review");
		}
	}

	private static UUID programOf(MilieuUser user) {
		return user.programId().value();
	}
}
