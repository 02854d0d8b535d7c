package org.milieu.levels.rounds;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A clinician's order of observation for one resident. It is in force from {@code startsAt} until
 * {@code endsAt} or until someone ends it early ({@code endedBy}, {@code endedAt}); never deleted.
 */
public record ObservationOrder(UUID id, UUID residentId, Frequency frequency, String reason, Instant startsAt,
		@Nullable Instant endsAt, String orderedBy, Instant orderedAt, @Nullable String endedBy, @Nullable Instant endedAt, @Nullable String endReason) {

	/** Whether the order is in force at {@code now}. */
	public boolean inForce(Instant now) {
		return (endedAt == null || endedAt.isAfter(now)) && !startsAt.isAfter(now) && (endsAt == null || endsAt.isAfter(now));
	}
}
