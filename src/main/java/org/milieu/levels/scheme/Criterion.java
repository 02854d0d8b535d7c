package org.milieu.levels.scheme;

import org.milieu.levels.RatingDomain;

/**
 * One condition for reaching a level: what is measured ({@link CriterionKind}), over how many days
 * ({@code windowDays}, none for days at level), and the threshold. Rating criteria name their
 * domain; a share also the lowest rating that counts ({@code atLeast}). A waivable criterion may be
 * waived for one resident with a recorded reason (family contact, where there is no one).
 */
public record Criterion(String key, CriterionKind kind, Integer windowDays, double threshold, RatingDomain domain,
		Integer atLeast, boolean waivable) {

	public static Criterion of(String key, CriterionKind kind, Integer windowDays, double threshold) {
		return new Criterion(key, kind, windowDays, threshold, null, null, false);
	}

	/** The same criterion with another window and threshold, as a per-resident adaptation makes it. */
	public Criterion adapted(Integer window, Double newThreshold) {
		return new Criterion(key, kind, window != null ? window : windowDays,
				newThreshold != null ? newThreshold : threshold, domain, atLeast, waivable);
	}
}
