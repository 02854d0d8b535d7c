package org.milieu.groups;

import java.time.Instant;
import java.util.UUID;

/**
 * A keep-apart pair or a required separation staff set in a house, with why, who and when; open until
 * someone ends it. Both kinds are honoured alike: {@code REQUIRED} records that an order or a clinical
 * decision stands behind it.
 */
public record SeparationRecord(UUID id, UUID houseId, UUID residentA, String nameA, UUID residentB, String nameB,
		Kind kind, String reason, String setBy, Instant setAt) {

	public enum Kind {
		KEEP_APART, REQUIRED
	}
}
