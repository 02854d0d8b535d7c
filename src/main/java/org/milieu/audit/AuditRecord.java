package org.milieu.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of the audit trail as an auditor reads it. */
public record AuditRecord(long id, Instant occurredAt, UUID accountId, String username, String role, UUID residentId,
		String category, String resourceType, String resourceId, String action, String purpose, String clientIp,
		String userAgent, String outcome, String detail) {
}
