package org.milieu.screening;

import java.time.Instant;
import java.util.UUID;

/** A drug screen was recorded; published with the transaction that stored it. */
public record DrugScreenRecorded(UUID programId, UUID residentId, UUID screenId, Outcome outcome, Instant collectedAt) {
}
