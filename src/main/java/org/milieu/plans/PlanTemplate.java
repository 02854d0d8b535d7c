package org.milieu.plans;

import java.util.List;
import java.util.UUID;

/**
 * A program's template for a common problem: the problem (area, words, clinical words) and the
 * goals, measurable objectives (a measure, and a target {@code targetOffsetDays} after the version
 * starts) and interventions (who, how often) that usually come with it. {@code revision} counts its
 * changes (the API's ETag). A template is a starting point: every part it adds to a plan must be made
 * the resident's own before the clinician signs.
 */
public record PlanTemplate(UUID id, String name, String area, String problemText, String clinicalText, int revision,
		boolean retired, List<Part> parts) {

	public List<Part> partsOf(ItemKind kind) {
		return parts.stream().filter(p -> p.kind() == kind).toList();
	}

	/** A goal, an objective or an intervention of a template. */
	public record Part(ItemKind kind, String text, String measure, Integer targetOffsetDays, String responsible,
			String frequency) {
	}
}
