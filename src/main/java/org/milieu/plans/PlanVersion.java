package org.milieu.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One version of a resident's plan with all its parts. {@code revision} counts its changes (the
 * API's ETag). {@code locked} once anyone has signed or declined it: it then never changes.
 * {@code residentDeclined}: in force "not signed by the resident".
 */
public record PlanVersion(UUID planId, UUID residentId, int number, PlanStatus status, LocalDate startsOn, int revision,
		String createdBy, Instant createdAt, boolean locked, boolean clinicianSigned, boolean residentAnswered,
		boolean residentDeclined, Instant inForceAt, List<PlanItem> items) {

	public List<PlanItem> itemsOf(ItemKind kind) {
		return items.stream().filter(i -> i.kind() == kind).toList();
	}
}
