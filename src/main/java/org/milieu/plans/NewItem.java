package org.milieu.plans;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.milieu.levels.facts.CriterionLink;

/**
 * A part of a plan as the team writes it. {@code id} names a part the version already has, so one
 * left unchanged keeps its author; a new or changed part is the editor's. {@code criterion}: the
 * level criterion an objective works toward, one of the resident's criteria still ahead.
 */
public record NewItem(UUID id, ItemKind kind, String area, String text, String clinicalText, String measure,
		LocalDate targetDate, String responsible, String frequency, @Nullable CriterionLink criterion) {

	/** A part linked to no level criterion. */
	public NewItem(UUID id, ItemKind kind, String area, String text, String clinicalText, String measure,
			LocalDate targetDate, String responsible, String frequency) {
		this(id, kind, area, text, clinicalText, measure, targetDate, responsible, frequency, null);
	}
}
