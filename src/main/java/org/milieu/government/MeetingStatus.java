package org.milieu.government;

/** Scheduled until it begins, open while it is held, closed after: no new agenda items then. */
public enum MeetingStatus {
	SCHEDULED, OPEN, CLOSED
}
