package org.milieu.work;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a resident's stipend ledger, never changed once written. {@code amountCents} is
 * signed (positive adds, negative takes); {@code balanceAfterCents} is the balance once this
 * entry is counted, the sum of the resident's entries up to {@code seq}. {@code reversedBy} is the
 * reversal that undid this entry, if any.
 */
public record StipendEntry(UUID id, UUID residentId, long seq, StipendKind kind, long amountCents, String currency,
		long balanceAfterCents, String sourceType, UUID sourceId, String consequenceRef, UUID reverses, UUID reversedBy,
		String reason, String recordedBy, Instant recordedAt) {

	/** Whether this entry can still be reversed: it is no reversal itself and nothing reversed it yet. */
	public boolean reversible() {
		return kind != StipendKind.REVERSAL && reversedBy == null;
	}
}
