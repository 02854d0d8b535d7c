package org.milieu.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for reading the trail; any may be null. Results come newest first, {@code limit} at
 * a time; {@code before} (an id) continues after the last row of the previous page.
 */
public record AuditQuery(UUID residentId, UUID accountId, AuditAction action, Instant from, Instant to, Long before,
		int limit, boolean oldestFirst) {

	public static final int MAX_LIMIT = 1000;

	public AuditQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
		}
	}
}
