package org.milieu.levels.timeline;

import java.time.LocalDate;

import org.milieu.levels.Level;

/** A level a resident held from one day to another ({@code to} is null while they still hold it). */
public record LevelStep(Level level, LocalDate from, LocalDate to) {

	/** Whether the resident held this level on that day. */
	public boolean covers(LocalDate day) {
		return !day.isBefore(from) && (to == null || !day.isAfter(to));
	}
}
