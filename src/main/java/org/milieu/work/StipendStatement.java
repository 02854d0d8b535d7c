package org.milieu.work;

import java.util.List;
import java.util.UUID;

/**
 * A resident's stipend balance and one page of their entries, newest first. {@code currency} is
 * null while the resident has no ledger yet (balance zero). {@code nextBefore} is the {@code seq}
 * to ask for the following (older) page, or null when this page reaches the first entry.
 */
public record StipendStatement(UUID residentId, long balanceCents, String currency, List<StipendEntry> entries,
		Long nextBefore) {
}
