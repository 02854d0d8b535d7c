package org.milieu.levels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.milieu.levels.facts.FactKind;
import org.milieu.shared.DataCategory;

/**
 * One line of a resident's history ({@link ResidentHistories}): a shift rating, an observation check
 * or a fact, with when it happened ({@code at}; a rating at its shift's start, a fact at the start of
 * its day, both where the program is) and the fields of its kind; the others are empty.
 */
public record HistoryEntry(Kind kind, UUID id, Instant at, LocalDate date, DataCategory category, String recordedBy,
		@Nullable Rating rating, @Nullable Check check, @Nullable FactLine fact) {

	/** The kinds of record the history lists. */
	public enum Kind {
		RATING, CHECK, FACT
	}

	/** A current rating of the point sheet (a corrected one shows its correction). */
	public record Rating(UUID sheetId, ShiftKind shift, RatingDomain domain, int value, boolean late) {
	}

	/** A check on observation rounds. */
	public record Check(UUID orderId, String location, String activity, boolean safetyConcern) {
	}

	/** A fact entered by hand on the evidence page, not withdrawn. */
	public record FactLine(FactKind kind, String outcome, @Nullable String detail) {
	}
}
