package org.milieu.work;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident's request to exchange their assignment with another of the same week, and staff's
 * decision on it. {@code status} is REQUESTED, APPROVED or DECLINED.
 */
public record SwapRequest(UUID id, UUID assignmentId, UUID withAssignmentId, UUID residentId, String reason,
		String status, Instant requestedAt, String decidedBy, Instant decidedAt, String note) {
}
