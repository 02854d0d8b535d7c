package org.milieu.staffing;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What one shift tells the next about a house; open until someone of a later shift acknowledges it. */
public record HandOffNote(UUID id, UUID houseId, ShiftCode shift, LocalDate shiftDate, String body, UUID writtenBy,
		String writtenByName, Instant writtenAt, @Nullable String acknowledgedByName, @Nullable Instant acknowledgedAt) {

	public boolean acknowledged() {
		return acknowledgedAt != null;
	}
}
