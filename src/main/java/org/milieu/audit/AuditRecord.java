package org.milieu.audit;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/** One row of the audit trail as an auditor reads it. */
public record AuditRecord(long id, Instant occurredAt, @Nullable UUID accountId, String username, @Nullable String role, @Nullable UUID residentId,
		@Nullable String category, @Nullable String resourceType, @Nullable String resourceId, String action, String purpose, @Nullable String clientIp,
		@Nullable String userAgent, String outcome, @Nullable String detail) {
}
