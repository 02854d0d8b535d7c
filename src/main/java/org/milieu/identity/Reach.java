package org.milieu.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Which residents someone may see for a category: everyone in the program, those living in
 * certain houses, certain residents by id, or a union of the last two. Lists filter with it.
 */
public record Reach(boolean everyone, Set<UUID> houses, Set<UUID> residents) {

	static final Reach NOBODY = new Reach(false, Set.of(), Set.of());

	static final Reach EVERYONE = new Reach(true, Set.of(), Set.of());

	public boolean includes(UUID residentId, UUID houseId) {
		return everyone || residents.contains(residentId) || (houseId != null && houses.contains(houseId));
	}

	public boolean isNobody() {
		return !everyone && houses.isEmpty() && residents.isEmpty();
	}
}
