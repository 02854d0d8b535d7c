package org.milieu.staffing;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/** A staff member on shift in a house, from check-in until check-out (still on shift while open). */
public record CheckIn(UUID id, UUID houseId, UUID accountId, String displayName, Instant checkedInAt,
		@Nullable Instant checkedOutAt) {

	public boolean open() {
		return checkedOutAt == null;
	}
}
