package org.milieu.levels.reviews;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician's adaptation of one criterion for one resident (another window or threshold) or a
 * waiver of a waivable one, with the reason; active until ended.
 */
public record Adjustment(UUID id, UUID residentId, int toLevel, String criterionKey, Kind kind, Integer windowDays,
		Double threshold, String reason, String madeBy, Instant madeAt, String endedBy, Instant endedAt, String endReason) {

	public boolean active() {
		return endedAt == null;
	}

	public enum Kind {
		ADAPT, WAIVE
	}
}
