package org.milieu.levels.facts;

import java.time.LocalDate;

/** A module records one kind of fact for the program from a day on; staff no longer enter that kind by hand from then. */
public record Coverage(FactKind kind, String module, LocalDate from) {

	/** Whether the module records the kind on this day. */
	public boolean covers(LocalDate day) {
		return !day.isBefore(from);
	}
}
