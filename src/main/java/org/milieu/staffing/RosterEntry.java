package org.milieu.staffing;

import java.time.LocalDate;
import java.util.UUID;

/** One person planned for one house, date and shift. */
public record RosterEntry(UUID id, UUID houseId, LocalDate shiftDate, ShiftCode shift, UUID accountId,
		String displayName) {
}
