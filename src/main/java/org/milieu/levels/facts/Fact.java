package org.milieu.levels.facts;

import java.time.LocalDate;
import java.util.UUID;

/** One fact about a resident on one day, and where it comes from (manual, or the owning module). */
public record Fact(UUID id, UUID residentId, FactKind kind, LocalDate occurredOn, String outcome, String detail,
		String recordedBy, String source) {

	/** The message key of the outcome, e.g. {@code fact.outcome.ATTENDED}. */
	public String outcomeKey() {
		return "fact.outcome." + outcome;
	}
}
