package org.milieu.levels.rounds;

import java.time.Instant;
import java.util.UUID;

/** One recorded check of a resident on observation; append-only. */
public record Observation(UUID id, UUID residentId, UUID houseId, UUID orderId, Instant observedAt, String location,
		String activity, String moodBehaviour, boolean safetyConcern, String safetyNote, String observedBy,
		Instant recordedAt) {
}
