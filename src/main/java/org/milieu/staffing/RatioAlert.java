package org.milieu.staffing;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/** A house under its staffing minimum, from when it was noticed until it was staffed again. */
public record RatioAlert(UUID id, UUID houseId, ShiftCode shift, int residents, int staff, int minimum,
		Instant startedAt, @Nullable Instant endedAt) {

	public boolean open() {
		return endedAt == null;
	}
}
