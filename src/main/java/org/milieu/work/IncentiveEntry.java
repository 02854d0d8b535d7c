package org.milieu.work;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a resident's incentive ledger, never changed: points earned by a rule, redeemed for
 * a catalogue item, or a reversal. {@code valueCents} is the points' worth when recorded.
 */
public record IncentiveEntry(UUID id, UUID residentId, long seq, Kind kind, int points, long valueCents,
		long balanceAfterPoints, @Nullable UUID ruleId, @Nullable UUID itemId, String what, @Nullable UUID reverses, @Nullable UUID reversedBy, @Nullable String note,
		String recordedBy, Instant recordedAt) {

	/** What an incentive entry is. */
	public enum Kind {
		EARNED, REDEEMED, REVERSAL
	}
}
