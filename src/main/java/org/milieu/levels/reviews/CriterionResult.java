package org.milieu.levels.reviews;

import org.milieu.levels.scheme.Criterion;

/**
 * One criterion measured for one resident: the criterion as it applies to them (adapted if a
 * clinician adapted it), the measured value ({@code null} when nothing was recorded to measure),
 * whether it is met, how many entries the value rests on, and the adjustment if there is one.
 */
public record CriterionResult(Criterion criterion, Double value, boolean met, int basis, Adjustment adjustment) {

	public String key() {
		return criterion.key();
	}

	public boolean waived() {
		return adjustment != null && adjustment.kind() == Adjustment.Kind.WAIVE;
	}
}
