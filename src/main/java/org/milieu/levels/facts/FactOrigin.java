package org.milieu.levels.facts;

import org.jspecify.annotations.Nullable;
import java.util.UUID;

/**
 * Where a fact comes from, so the team can check it: the kind of record ({@code JOB_OCCURRENCE},
 * {@code MEETING}, or {@code MANUAL} for a fact staff entered by hand), the module that keeps it,
 * the record's id, and a link to a page of the application where it can be opened (none for a
 * fact entered by hand, which is its own record).
 */
public record FactOrigin(String kind, String module, UUID id, @Nullable String link) {

	/** The kind of origin of a fact staff entered by hand on the evidence page or over the API. */
	public static final String MANUAL = "MANUAL";

	/** A fact entered by hand: its own record in the levels module. */
	public static FactOrigin manual(UUID factId) {
		return new FactOrigin(MANUAL, "levels", factId, null);
	}

	/** Whether staff entered the fact by hand rather than a module recording it. */
	public boolean byHand() {
		return MANUAL.equals(kind);
	}

	/** The message key of the kind of origin, e.g. {@code fact.origin.MEETING}. */
	public String labelKey() {
		return "fact.origin." + kind;
	}
}
