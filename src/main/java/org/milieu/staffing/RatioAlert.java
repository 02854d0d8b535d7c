package org.milieu.staffing;

import java.time.Instant;
import java.util.UUID;

/** A house under its staffing minimum, from when it was noticed until it was staffed again. */
public record RatioAlert(UUID id, UUID houseId, ShiftCode shift, int residents, int staff, int minimum,
		Instant startedAt, Instant endedAt) {

	public boolean open() {
		return endedAt == null;
	}
}
