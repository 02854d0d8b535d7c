package org.milieu.government;

import java.time.LocalDate;
import java.util.UUID;

/** A resident's term in an office of a house (or of the whole program when {@code houseId} is null), from the election that gave it. */
public record Officer(UUID id, UUID houseId, Office office, UUID residentId, LocalDate startsOn, LocalDate endsOn,
		UUID motionId) {

	public boolean inOffice(LocalDate day) {
		return !startsOn.isAfter(day) && endsOn.isAfter(day);
	}
}
