package org.milieu.levels.rounds;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.UUID;

/** One recorded check of a resident on observation; append-only. */
public record Observation(UUID id, UUID residentId, UUID houseId, UUID orderId, Instant observedAt, String location,
		String activity, @Nullable String moodBehaviour, boolean safetyConcern, @Nullable String safetyNote, String observedBy,
		Instant recordedAt) {
}
