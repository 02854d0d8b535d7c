package org.milieu.government;

import java.time.Instant;
import java.util.UUID;

/** What scheduling a meeting needs; {@code houseId} null means the whole program. */
public record ScheduleMeeting(UUID houseId, MeetingKind kind, String title, Instant startsAt) {
}
