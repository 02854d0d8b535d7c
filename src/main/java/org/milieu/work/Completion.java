package org.milieu.work;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One occurrence of an assigned job for one person: how it went, marked by staff (verified at once)
 * or by a resident coordinator ({@code markedByResident}, waiting for staff to verify), and what
 * its verification earned.
 */
public record Completion(UUID id, UUID assignmentId, UUID residentId, UUID jobId, String jobName, LocalDate occursOn,
		CompletionOutcome outcome, Integer quality, int minutes, String note, String markedBy, UUID markedByResident,
		Instant markedAt, String verifiedBy, Instant verifiedAt, Long earnedCents, String currency,
		UUID stipendEntryId) {

	public boolean verified() {
		return verifiedAt != null;
	}
}
