package org.milieu.government;

import java.time.Instant;
import java.util.UUID;

/** One item on a meeting's agenda; {@code submittedByResident} is set when a resident brought it. */
public record AgendaItem(UUID id, UUID meetingId, AgendaItemKind kind, String title, String description,
		String submittedBy, UUID submittedByResident, int position, AgendaItemStatus status, Instant submittedAt) {
}
