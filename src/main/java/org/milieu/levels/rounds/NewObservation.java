package org.milieu.levels.rounds;

import java.time.Instant;
import java.util.UUID;

/**
 * One check as staff record it: when (null: now), where the resident was, what they were doing,
 * their mood or behaviour, and whether there was a safety concern (then a note says what).
 * {@code residentId} is needed in a batch only; a single check names the resident in its path.
 */
public record NewObservation(UUID residentId, Instant observedAt, String location, String activity, String moodBehaviour,
		boolean safetyConcern, String safetyNote) {

	public NewObservation forResident(UUID resident) {
		return new NewObservation(resident, observedAt, location, activity, moodBehaviour, safetyConcern, safetyNote);
	}
}
