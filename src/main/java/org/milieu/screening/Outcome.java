package org.milieu.screening;

import java.util.Collection;

/** A screen's outcome, derived from its results: it is never entered by hand. */
public enum Outcome {
	NEGATIVE, POSITIVE, INVALID, REFUSED;

	/**
	 * Refused when the resident refused; otherwise positive if any substance is positive, invalid
	 * if none is but some reading failed, and negative only when every substance reads negative.
	 */
	public static Outcome of(boolean refused, Collection<SubstanceResult> results) {
		if (refused) {
			return REFUSED;
		}
		if (results.stream().anyMatch(r -> r.result() == SubstanceResult.Result.POSITIVE)) {
			return POSITIVE;
		}
		if (results.stream().anyMatch(r -> r.result() == SubstanceResult.Result.INVALID)) {
			return INVALID;
		}
		return NEGATIVE;
	}

	/** Positive and refused screens are followed up by the resident's clinician. */
	public boolean needsFollowUp() {
		return this == POSITIVE || this == REFUSED;
	}

	public String nameKey() {
		return "screening.outcome." + name();
	}
}
