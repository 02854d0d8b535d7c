package org.milieu.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * What a clinician or staff member schedules: the kind, a title (the kind's name when blank), the
 * house it belongs to (null for the whole program), a room, the first date and local start time, the
 * duration (the kind's when null), a recurrence rule (null for a one-off), who attends (a house, a
 * small group, or named residents) and the facilitators (accounts of staff; the scheduler when empty).
 */
public record NewSession(UUID typeId, String title, UUID houseId, String room, LocalDate firstOn, LocalTime startsAt,
		Integer durationMinutes, String rrule, AttendeeKind attendeeKind, UUID attendeeHouseId, UUID attendeeGroupId,
		List<UUID> residents, List<UUID> facilitators) {
}
