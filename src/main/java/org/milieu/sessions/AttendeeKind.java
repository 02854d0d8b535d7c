package org.milieu.sessions;

/** Who is expected at a session: a house's residents on the day, a small group's members on the day, or named residents. */
public enum AttendeeKind {
	HOUSE, GROUP, RESIDENTS
}
