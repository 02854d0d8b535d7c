package org.milieu.levels;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** How many of a house's residents today are at each level, and how many have none yet. */
public record HouseLevels(UUID houseId, String houseName, Map<Level, Integer> atLevel, int withoutLevel) {

	public HouseLevels {
		EnumMap<Level, Integer> copy = new EnumMap<>(Level.class);
		for (Level level : Level.values()) {
			copy.put(level, atLevel.getOrDefault(level, 0));
		}
		atLevel = Collections.unmodifiableMap(copy);
	}

	/** {@code counts[0]} is those without a level, {@code counts[n]} those at level n. */
	static HouseLevels of(UUID houseId, String houseName, int[] counts) {
		Map<Level, Integer> atLevel = new EnumMap<>(Level.class);
		for (Level level : Level.values()) {
			atLevel.put(level, counts[level.number()]);
		}
		return new HouseLevels(houseId, houseName, atLevel, counts[0]);
	}

	public int count(Level level) {
		return atLevel.get(level);
	}

	/** Everyone in the house counted here. */
	public int total() {
		return withoutLevel + atLevel.values().stream().mapToInt(Integer::intValue).sum();
	}
}
