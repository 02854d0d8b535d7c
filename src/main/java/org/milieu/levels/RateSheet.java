package org.milieu.levels;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Rate a house's residents for one shift: one entry per resident, each with the domains rated. */
public record RateSheet(LocalDate shiftDate, ShiftKind shift, List<Entry> entries) {

	public RateSheet {
		entries = List.copyOf(entries);
	}

	/** One resident's ratings on the sheet. */
	public record Entry(UUID residentId, List<Rating> ratings) {

		public Entry {
			ratings = List.copyOf(ratings);
		}
	}

	/** One domain's value and an optional note. */
	public record Rating(RatingDomain domain, int value, String note) {
	}
}
