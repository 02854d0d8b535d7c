package org.milieu.government;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A community meeting with its agenda in order; {@code houseId} is null for the whole program, and
 * {@code currentItemId} names the item being taken now while the meeting is open (else null).
 */
public record Meeting(UUID id, UUID houseId, MeetingKind kind, String title, Instant startsAt, MeetingStatus status,
		String createdBy, Instant createdAt, List<AgendaItem> agenda, UUID currentItemId) {

	public boolean wholeProgram() {
		return houseId == null;
	}

	Meeting with(List<AgendaItem> items) {
		return new Meeting(id, houseId, kind, title, startsAt, status, createdBy, createdAt, List.copyOf(items),
				currentItemId);
	}
}
