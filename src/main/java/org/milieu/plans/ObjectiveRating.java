package org.milieu.plans;

import java.util.Arrays;
import java.util.Locale;

import org.milieu.shared.RuleViolation;

/** How an objective went since the plan came into force, as the clinician rates it in a review. */
public enum ObjectiveRating {
	MET, PROGRESSING, NOT_PROGRESSING, CHANGED, DROPPED;

	/** The rating a person named, or a refusal naming {@code field} when there is none or it is no rating. */
	static ObjectiveRating named(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new RuleViolation("plan.review.rating.required", field);
		}
		String name = value.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst()
			.orElseThrow(() -> new RuleViolation("plan.review.rating.unknown", field));
	}
}
