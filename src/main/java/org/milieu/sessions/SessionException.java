package org.milieu.sessions;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One occurrence of a session changed: cancelled, or moved to another day, time or room.
 *
 * @param occursOn the date the rule gives the occurrence (it keeps naming it when moved)
 */
public record SessionException(LocalDate occursOn, Kind kind, LocalDate movedOn, LocalTime movedAt, String room,
		String reason) {

	public enum Kind {
		CANCELLED, MOVED
	}
}
