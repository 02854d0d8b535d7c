package org.milieu.groups;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the proposer weighs of one resident: their level (0 when they have none yet), the mean of
 * their shift ratings over the last 14 days (the five domains rated 1–4, safety left out; null when
 * nobody rated them), the problem areas of their plan in force, and instrument scores by instrument
 * code (empty until the outcomes module supplies them). Holds no names: it is the algorithm's input.
 */
public record NeedProfile(UUID residentId, int level, @Nullable Double ratingMean, Set<String> problemAreas,
		Map<String, Double> instrumentScores) {

	public NeedProfile {
		if (level < 0 || level > 4) {
			throw new IllegalArgumentException("level " + level);
		}
		problemAreas = Set.copyOf(problemAreas);
		instrumentScores = Map.copyOf(instrumentScores);
	}

	/** A newcomer: at level 1, or not yet given a level. Newcomers belong in a structured group. */
	public boolean newcomer() {
		return level <= 1;
	}

	/** The level used for distances: a resident without a level counts as level 1. */
	int effectiveLevel() {
		return Math.max(1, level);
	}
}
