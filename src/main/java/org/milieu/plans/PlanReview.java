package org.milieu.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A review of the version of a plan that was in force when it was held: every objective of that
 * version with its rating (none yet while the review is open), the summary, the resident's comment
 * in their own words, and the version it revised the plan to, if any. {@code revision} counts its
 * changes (the API's ETag). {@code locked} from the first signature or decline: it then never
 * changes. It is done once the clinician signed ({@code signedAt}); one still open when the resident
 * was discharged is {@code closedAt}.
 */
public record PlanReview(UUID id, UUID planId, UUID residentId, int versionNumber, ReviewReason reason, LocalDate heldOn,
		String summary, String residentComment, Integer revisedToVersion, int revision, String createdBy,
		Instant createdAt, boolean locked, Instant signedAt, Instant closedAt, List<RatedObjective> objectives) {

	/** An objective of the reviewed version, with its rating and the clinician's comment ({@code null}s until rated). */
	public record RatedObjective(UUID objectiveId, String text, String measure, LocalDate targetDate,
			ObjectiveRating rating, String comment) {
	}

	/** Neither signed by the clinician nor closed: the one review of the plan that may still change or be signed. */
	public boolean open() {
		return signedAt == null && closedAt == null;
	}

	/** May still be edited: open and nobody has signed or declined it. */
	public boolean editable() {
		return open() && !locked;
	}

	/** The objectives that have no rating yet; a review is signed only once this is empty. */
	public List<RatedObjective> unrated() {
		return objectives.stream().filter(o -> o.rating() == null).toList();
	}
}
