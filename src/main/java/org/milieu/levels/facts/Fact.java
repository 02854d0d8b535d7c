package org.milieu.levels.facts;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One fact about a resident on one day, and where it comes from ({@link FactOrigin}): a record of
 * the module that owns the kind (a job occurrence, a meeting's roll call), or an entry by hand.
 * {@code criterion}: the criterion the fact is evidence for, where its record names one (a plan
 * objective linked to a level criterion); none for the kinds a criterion reads by its kind.
 */
public record Fact(UUID id, UUID residentId, FactKind kind, LocalDate occurredOn, String outcome, @Nullable String detail,
		String recordedBy, FactOrigin origin, @Nullable CriterionLink criterion) {

	/** A fact of a kind the criteria read by their kind, linked to no one criterion. */
	public Fact(UUID id, UUID residentId, FactKind kind, LocalDate occurredOn, String outcome, @Nullable String detail,
			String recordedBy, FactOrigin origin) {
		this(id, residentId, kind, occurredOn, outcome, detail, recordedBy, origin, null);
	}

	/** The message key of the outcome, e.g. {@code fact.outcome.ATTENDED}. */
	public String outcomeKey() {
		return "fact.outcome." + outcome;
	}

	/** Whether staff entered this fact by hand. */
	public boolean byHand() {
		return origin.byHand();
	}
}
