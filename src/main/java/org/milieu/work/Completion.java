package org.milieu.work;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One occurrence of an assigned job for one person: how it went, marked by staff (verified at once)
 * or by a resident coordinator ({@code markedByResident}, waiting for staff to verify), and what
 * its verification earned.
 */
public record Completion(UUID id, UUID assignmentId, UUID residentId, UUID jobId, String jobName, LocalDate occursOn,
		CompletionOutcome outcome, @Nullable Integer quality, int minutes, @Nullable String note, String markedBy, @Nullable UUID markedByResident,
		Instant markedAt, @Nullable String verifiedBy, @Nullable Instant verifiedAt, @Nullable Long earnedCents, String currency,
		@Nullable UUID stipendEntryId) {

	public boolean verified() {
		return verifiedAt != null;
	}
}
