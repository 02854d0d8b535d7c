package org.milieu.government;

import java.time.Instant;
import java.util.UUID;

/**
 * One item on a meeting's agenda; {@code submittedByResident} is set when a resident brought it,
 * {@code notes} are the secretary's, and {@code carriedFrom} names the item of an earlier meeting
 * this one was carried over from.
 */
public record AgendaItem(UUID id, UUID meetingId, AgendaItemKind kind, String title, String description,
		String submittedBy, UUID submittedByResident, int position, AgendaItemStatus status, Instant submittedAt,
		String notes, UUID carriedFrom) {
}
