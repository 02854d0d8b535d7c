package org.milieu.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A session: one occurrence, or a series by its recurrence rule from {@code firstOn}. Times are local
 * to the program's time zone.
 *
 * @param houseId the house it belongs to, or null for the whole program
 * @param rrule the RFC 5545 rule, or null for a one-off session
 * @param lastOn the rule's last date when it has one, the date itself for a one-off, null for an open series
 * @param residents the named residents, when {@code attendeeKind} is RESIDENTS
 * @param version the session's version, for If-Match
 */
public record Session(UUID id, UUID typeId, String title, UUID houseId, String room, LocalDate firstOn, LocalTime startsAt,
		int durationMinutes, String rrule, LocalDate lastOn, AttendeeKind attendeeKind, UUID attendeeHouseId,
		UUID attendeeGroupId, List<Facilitator> facilitators, List<UUID> residents, List<SessionException> exceptions,
		boolean cancelled, int version) {

	public Session {
		facilitators = List.copyOf(facilitators);
		residents = List.copyOf(residents);
		exceptions = List.copyOf(exceptions);
	}

	public boolean recurring() {
		return rrule != null;
	}
}
