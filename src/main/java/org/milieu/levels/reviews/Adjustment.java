package org.milieu.levels.reviews;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A clinician's adaptation of one criterion for one resident (another window or threshold) or a
 * waiver of a waivable one, with the reason; active until ended.
 */
public record Adjustment(UUID id, UUID residentId, int toLevel, String criterionKey, Kind kind, @Nullable Integer windowDays,
		@Nullable Double threshold, String reason, String madeBy, Instant madeAt, @Nullable String endedBy, @Nullable Instant endedAt, @Nullable String endReason) {

	public boolean active() {
		return endedAt == null;
	}

	public enum Kind {
		ADAPT, WAIVE
	}
}
