package org.milieu.levels.privileges;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A grant or restriction of one privilege for one resident. In force from {@code from} until
 * {@code until} or until someone ends it early ({@code endedBy}, {@code endedAt},
 * {@code endReason}); never deleted.
 */
public record PrivilegeAdjustment(UUID id, UUID residentId, String privilegeCode, AdjustmentKind kind, Instant from,
		Instant until, String reason, String decidedBy, Instant decidedAt, @Nullable String endedBy, @Nullable Instant endedAt,
		@Nullable String endReason) {

	/** Where an adjustment stands at a moment. */
	public enum Status {
		UPCOMING, IN_FORCE, ENDED;

		public String nameKey() {
			return "privilege.adjustment.status." + name();
		}
	}

	/** Whether it is in force at {@code at}: begun, not past its end, not ended early. */
	public boolean inForce(Instant at) {
		return status(at) == Status.IN_FORCE;
	}

	public Status status(Instant at) {
		if ((endedAt != null && !endedAt.isAfter(at)) || (until != null && !until.isAfter(at))) {
			return Status.ENDED;
		}
		return from.isAfter(at) ? Status.UPCOMING : Status.IN_FORCE;
	}

	/** When it stops (or stopped) applying: the earlier of its planned end and its early end; null while open. */
	public Instant effectiveEnd() {
		if (endedAt == null) {
			return until;
		}
		return until == null || endedAt.isBefore(until) ? endedAt : until;
	}
}
