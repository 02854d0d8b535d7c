package org.milieu.government;

import java.time.Instant;
import java.util.UUID;

/** A closed meeting, newest first on the meetings page, and whether its minutes are approved yet. */
public record PastMeeting(UUID id, UUID houseId, String title, Instant startsAt, boolean minutesApproved) {
}
