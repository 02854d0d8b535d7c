package org.milieu.levels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One rating of one resident on one domain for one shift. Never changed: a correction is a new
 * rating that {@code supersedes} this one, and this one then names it in {@code supersededBy}.
 * {@code late} says it was entered more than twelve hours after the shift ended.
 */
public record ShiftRating(UUID id, UUID sheetId, UUID residentId, UUID houseId, LocalDate shiftDate, ShiftKind shift,
		RatingDomain domain, int value, String note, String ratedBy, Instant ratedAt, boolean late, UUID supersedes,
		UUID supersededBy) {

	public boolean current() {
		return supersededBy == null;
	}
}
