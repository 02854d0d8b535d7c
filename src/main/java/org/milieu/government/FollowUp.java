package org.milieu.government;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One step in a problem's follow-up; {@code dueOn} is the follow-up's due date as it stood after it. */
public record FollowUp(long id, UUID agendaItemId, FollowUpStatus status, String note, LocalDate dueOn,
		String recordedBy, Instant recordedAt) {
}
