package org.milieu.plans;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.milieu.levels.facts.CriterionLink;

/**
 * One part of a version of a plan, with who wrote it, in which role, and whether the words are the
 * resident's own. Which fields are used depends on the kind: a problem has an area, the resident's
 * words ({@code text}) and the clinical words; an objective a measure and a target date; an
 * intervention who does it and how often. An objective may be linked to one criterion of the
 * resident's level scheme ({@code criterion}); the signed reviews' ratings of it are then level evidence.
 */
public record PlanItem(UUID id, ItemKind kind, String area, String text, String clinicalText, String measure,
		LocalDate targetDate, String responsible, String frequency, UUID authorAccountId, String authorName,
		String authorRole, boolean residentsWords, @Nullable CriterionLink criterion) {

	/** A part linked to no level criterion. */
	public PlanItem(UUID id, ItemKind kind, String area, String text, String clinicalText, String measure,
			LocalDate targetDate, String responsible, String frequency, UUID authorAccountId, String authorName,
			String authorRole, boolean residentsWords) {
		this(id, kind, area, text, clinicalText, measure, targetDate, responsible, frequency, authorAccountId, authorName,
				authorRole, residentsWords, null);
	}
}
