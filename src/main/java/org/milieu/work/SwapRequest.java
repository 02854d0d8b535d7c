package org.milieu.work;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A resident's request to exchange their assignment with another of the same week, and staff's
 * decision on it. {@code status} is REQUESTED, APPROVED or DECLINED.
 */
public record SwapRequest(UUID id, UUID assignmentId, UUID withAssignmentId, UUID residentId, String reason,
		String status, Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String note) {
}
