package org.milieu.levels.reviews;

import org.jspecify.annotations.Nullable;
import org.milieu.levels.facts.CriterionLink;
import org.springframework.context.MessageSourceResolvable;

/**
 * One criterion of a level above a resident's own, as their scheme with their adjustments has it:
 * the level it leads to, its key, the adjustment made for them ({@code adjusted}: adapted or
 * waived; none when it applies as the scheme says), and what it asks, in a sentence to resolve in
 * the reader's language (the adapted window and threshold where it is adapted).
 */
public record CriterionChoice(int level, String key, Adjustment.@Nullable Kind adjusted,
		MessageSourceResolvable description) {

	/** The link another module stores to name this criterion. */
	public CriterionLink link() {
		return new CriterionLink(level, key);
	}
}
