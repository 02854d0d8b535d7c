package org.milieu.sessions;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One occurrence of a session, as the calendar shows it.
 *
 * @param occursOn the date the rule gives it: with the session's id, the occurrence's name (attendance
 *        and notes refer to it), kept when the occurrence is moved
 * @param start the start in the program's time zone, after a move
 * @param end the end in the program's time zone
 * @param cancelled whether this occurrence, or the whole session, is cancelled
 */
public record Occurrence(UUID sessionId, LocalDate occursOn, LocalDateTime start, LocalDateTime end, UUID typeId,
		String title, UUID houseId, String room, AttendeeKind attendeeKind, List<Facilitator> facilitators,
		boolean recurring, boolean cancelled) {

	public Occurrence {
		facilitators = List.copyOf(facilitators);
	}

	/** Whether this occurrence overlaps {@code other} in time (touching ends do not overlap). */
	public boolean overlaps(LocalDateTime otherStart, LocalDateTime otherEnd) {
		return start.isBefore(otherEnd) && otherStart.isBefore(end);
	}
}
