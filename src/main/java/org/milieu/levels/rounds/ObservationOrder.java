package org.milieu.levels.rounds;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician's order of observation for one resident. It is in force from {@code startsAt} until
 * {@code endsAt} or until someone ends it early ({@code endedBy}, {@code endedAt}); never deleted.
 */
public record ObservationOrder(UUID id, UUID residentId, Frequency frequency, String reason, Instant startsAt,
		Instant endsAt, String orderedBy, Instant orderedAt, String endedBy, Instant endedAt, String endReason) {

	/** Whether the order is in force at {@code now}. */
	public boolean inForce(Instant now) {
		return (endedAt == null || endedAt.isAfter(now)) && !startsAt.isAfter(now) && (endsAt == null || endsAt.isAfter(now));
	}
}
