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
 * resident's level scheme ({@code criterion}); the signed reviews' ratings of it are then level
 * evidence. {@code fromTemplate}: the template the part was added from, with the template's words as
 * added (null for a part written here).
 */
public record PlanItem(UUID id, ItemKind kind, String area, String text, String clinicalText, String measure,
		LocalDate targetDate, String responsible, String frequency, UUID authorAccountId, String authorName,
		String authorRole, boolean residentsWords, @Nullable CriterionLink criterion, @Nullable FromTemplate fromTemplate) {

	/** A part written here, from no template, linked to no level criterion. */
	public PlanItem(UUID id, ItemKind kind, String area, String text, String clinicalText, String measure,
			LocalDate targetDate, String responsible, String frequency, UUID authorAccountId, String authorName,
			String authorRole, boolean residentsWords) {
		this(id, kind, area, text, clinicalText, measure, targetDate, responsible, frequency, authorAccountId, authorName,
				authorRole, residentsWords, null, null);
	}

	/**
	 * Whether the part still says word for word what its template said: text copied from a template
	 * must be made the resident's own before the clinician signs.
	 */
	public boolean fromTemplateUnchanged() {
		return fromTemplate != null && fromTemplate.text().equals(text);
	}

	/** The template a part came from: its id and name, and its words as they were added. */
	public record FromTemplate(UUID templateId, String name, String text) {
	}
}
