package org.milieu.audit;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One record of the audit trail as an auditor reads it: who did what, about which resident, in
 * which data categories and to which records (one record per request and resident).
 */
public record AuditRecord(long id, Instant occurredAt, @Nullable UUID accountId, String username, @Nullable String role, @Nullable UUID residentId,
		List<String> categories, List<Resource> resources, String action, String purpose, @Nullable String clientIp,
		@Nullable String userAgent, String outcome, @Nullable String detail) {

	/** A record read or changed: its type and, where it has one, its id. */
	public record Resource(@Nullable String type, @Nullable String id) {

		@Override
		public String toString() {
			return id == null ? String.valueOf(type) : type + "/" + id;
		}
	}
}
