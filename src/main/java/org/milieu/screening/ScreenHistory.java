package org.milieu.screening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One resident's screens, newest first, with the trend a team reads at a glance: how many of
 * each outcome, and the latest screens in the order they were taken.
 */
public record ScreenHistory(UUID residentId, String residentName, String houseName, List<DrugScreen> screens) {

	/** How many screens the trend row shows. */
	public static final int TREND_LENGTH = 12;

	public ScreenHistory {
		screens = List.copyOf(screens);
	}

	/** The latest screens, oldest first, so the row reads left to right as time passes. */
	public List<DrugScreen> trend() {
		List<DrugScreen> latest = new ArrayList<>(screens.subList(0, Math.min(TREND_LENGTH, screens.size())));
		Collections.reverse(latest);
		return latest;
	}

	/** How many screens had each outcome (every outcome present, possibly zero). */
	public Map<Outcome, Integer> counts() {
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			counts.put(outcome, 0);
		}
		screens.forEach(s -> counts.merge(s.outcome(), 1, Integer::sum));
		return counts;
	}
}
