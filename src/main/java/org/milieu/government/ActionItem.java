package org.milieu.government;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Something a meeting asked one person to do by a date: a resident ({@code ownerResident}) or a
 * member of staff ({@code ownerStaff}, their username), never both. {@code ownerName} is how the
 * owner is shown; {@code agendaItemId} names the agenda item it came from, if any.
 */
public record ActionItem(UUID id, UUID meetingId, String meetingTitle, Instant meetingStartsAt, UUID agendaItemId,
		String title, String description, UUID ownerResident, String ownerStaff, String ownerName, LocalDate dueOn,
		ActionItemStatus status, String createdBy, Instant createdAt, String doneBy, Instant doneAt, String doneNote) {

	public boolean open() {
		return status == ActionItemStatus.OPEN;
	}

	/** Open with its due date before {@code today}. */
	public boolean overdueOn(LocalDate today) {
		return open() && dueOn.isBefore(today);
	}

	ActionItem named(String name) {
		return new ActionItem(id, meetingId, meetingTitle, meetingStartsAt, agendaItemId, title, description, ownerResident,
				ownerStaff, name, dueOn, status, createdBy, createdAt, doneBy, doneAt, doneNote);
	}
}
