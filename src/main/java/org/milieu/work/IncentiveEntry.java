package org.milieu.work;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a resident's incentive ledger, never changed: points earned by a rule, redeemed for
 * a catalogue item, or a reversal. {@code valueCents} is the points' worth when recorded.
 */
public record IncentiveEntry(UUID id, UUID residentId, long seq, Kind kind, int points, long valueCents,
		long balanceAfterPoints, UUID ruleId, UUID itemId, String what, UUID reverses, UUID reversedBy, String note,
		String recordedBy, Instant recordedAt) {

	/** What an incentive entry is. */
	public enum Kind {
		EARNED, REDEEMED, REVERSAL
	}
}
