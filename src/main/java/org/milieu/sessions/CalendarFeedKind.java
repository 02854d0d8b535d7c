package org.milieu.sessions;

/**
 * Whose sessions a calendar feed carries: a staff member's (those they facilitate), a resident's
 * (those they are expected at), or a house's (its own sessions and those for its residents).
 */
public enum CalendarFeedKind {
	STAFF, RESIDENT, HOUSE
}
