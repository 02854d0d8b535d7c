package org.milieu.audit;

import java.util.UUID;

import org.milieu.shared.DataCategory;

/**
 * One thing to write into the trail. The database adds the id, its own timestamp and the chain
 * hashes; the request's address and user agent come from {@link RequestOrigin}.
 */
public record AuditEntry(Actor actor, AuditAction action, AuditOutcome outcome, UUID residentId, DataCategory category,
		String resourceType, String resourceId, Purpose purpose, String detail) {

	public static AuditEntry of(Actor actor, AuditAction action, AuditOutcome outcome) {
		return new AuditEntry(actor, action, outcome, null, null, null, null, Purpose.NORMAL, null);
	}

	public AuditEntry about(UUID residentId, DataCategory category) {
		return new AuditEntry(actor, action, outcome, residentId, category, resourceType, resourceId, purpose, detail);
	}

	public AuditEntry on(String resourceType, Object resourceId) {
		return new AuditEntry(actor, action, outcome, residentId, category, resourceType,
				resourceId == null ? null : resourceId.toString(), purpose, detail);
	}

	public AuditEntry because(Purpose purpose) {
		return new AuditEntry(actor, action, outcome, residentId, category, resourceType, resourceId, purpose, detail);
	}

	public AuditEntry saying(String detail) {
		return new AuditEntry(actor, action, outcome, residentId, category, resourceType, resourceId, purpose, detail);
	}
}
