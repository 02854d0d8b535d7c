package org.milieu.levels.reviews;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.levels.Level;

/**
 * A resident's evidence on one day: their level and since when, the next level (none at level 4)
 * and every criterion for it as measured, under the scheme version in force ({@code schemeId}
 * empty for the built-in default).
 */
public record Evidence(UUID residentId, UUID houseId, Level level, LocalDate since, long daysAtLevel, Integer nextLevel,
		UUID schemeId, LocalDate measuredOn, List<CriterionResult> criteria) {

	public Evidence {
		criteria = List.copyOf(criteria);
	}

	/** Whether every criterion for the next level is met (never at the top level). */
	public boolean allMet() {
		return nextLevel != null && !criteria.isEmpty() && criteria.stream().allMatch(CriterionResult::met);
	}

	public long metCount() {
		return criteria.stream().filter(CriterionResult::met).count();
	}
}
