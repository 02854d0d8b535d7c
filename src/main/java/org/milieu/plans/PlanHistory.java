package org.milieu.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.signatures.Verification;

/**
 * A resident's whole plan as printed: every version newest first, each with all its parts and its
 * signatures checked against the version's content now, and the plan's reviews, newest first.
 * {@code residentName} is null once the resident has left the program. {@code areaNames}: the
 * director's names of the program's own problem areas, by code (the standard ones are named by the
 * reader's language).
 */
public record PlanHistory(UUID planId, UUID residentId, String residentName, Instant printedAt,
		List<VersionRecord> versions, List<Review> reviews, java.util.Map<String, String> areaNames) {

	/** A version with its signatures, each with its check ("signature does not match" when the content changed). */
	public record VersionRecord(PlanVersion version, List<Verification> signatures) {

		public boolean anyMismatch() {
			return signatures.stream().anyMatch(v -> !v.valid());
		}
	}

	/** A review of the version in force, with a rating per objective; done once signed. */
	public record Review(UUID id, int versionNumber, String reason, LocalDate heldOn, String summary,
			String residentComment, Integer revisedToVersion, String createdByName, Instant signedAt,
			List<Rating> ratings) {
	}

	/** One objective's rating in a review, with the objective's words. */
	public record Rating(UUID itemId, String objective, String rating, String comment) {
	}
}
