package org.milieu.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for reading the trail: always one program's rows; the other filters may be null. Results come newest first, {@code limit} at
 * a time; {@code before} (an id) continues after the last row of the previous page.
 */
public record AuditQuery(UUID programId, UUID residentId, UUID accountId, String username, AuditAction action, Instant from, Instant to,
		Long before, int limit, boolean oldestFirst) {

	public static final int MAX_LIMIT = 1000;

	/** The same filters, continuing after {@code id} in the query's own order. */
	public AuditQuery after(long id) {
		return new AuditQuery(programId, residentId, accountId, username, action, from, to, id, limit, oldestFirst);
	}

	public AuditQuery {
		java.util.Objects.requireNonNull(programId, "programId");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
		}
	}
}
