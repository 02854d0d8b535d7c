package org.milieu.levels.facts;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One fact about a resident on one day, and where it comes from ({@link FactOrigin}): a record of
 * the module that owns the kind (a job occurrence, a meeting's roll call), or an entry by hand.
 */
public record Fact(UUID id, UUID residentId, FactKind kind, LocalDate occurredOn, String outcome, @Nullable String detail,
		String recordedBy, FactOrigin origin) {

	/** The message key of the outcome, e.g. {@code fact.outcome.ATTENDED}. */
	public String outcomeKey() {
		return "fact.outcome." + outcome;
	}

	/** Whether staff entered this fact by hand. */
	public boolean byHand() {
		return origin.byHand();
	}
}
