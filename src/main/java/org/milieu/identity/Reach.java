package org.milieu.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Which residents someone may see for a category: everyone in the program, those living in
 * certain houses, certain residents by id, or a union of the last two; plus those they hold an
 * emergency grant for. Lists filter with it.
 */
public record Reach(boolean everyone, Set<UUID> houses, Set<UUID> residents, Set<UUID> emergency) {

	static final Reach EVERYONE = new Reach(true, Set.of(), Set.of(), Set.of());

	public boolean includes(UUID residentId, UUID houseId) {
		return usually(residentId, houseId) || emergency.contains(residentId);
	}

	/** Whether this reaches no resident at all (for example, no role of the person may read the category). */
	public boolean nobody() {
		return !everyone && houses.isEmpty() && residents.isEmpty() && emergency.isEmpty();
	}

	/** In reach only through an emergency ("break-glass") grant. */
	public boolean onlyInEmergency(UUID residentId, UUID houseId) {
		return !usually(residentId, houseId) && emergency.contains(residentId);
	}

	private boolean usually(UUID residentId, UUID houseId) {
		return everyone || residents.contains(residentId) || (houseId != null && houses.contains(houseId));
	}
}
