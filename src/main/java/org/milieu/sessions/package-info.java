/**
 * Therapeutic sessions: the kinds of session the program holds (the techniques of the model), the
 * sessions themselves, one-off or recurring by an RFC 5545 rule, and their occurrences with the
 * residents expected at each. Reads the small groups (a group as a session's attendees), the
 * residents' stays (a house's residents on a day), and is read by nobody: what it supplies to other
 * modules goes through their ports (level facts, home-page items). Calendar feeds
 * ({@link org.milieu.sessions.CalendarFeeds}) give staff, residents and houses their sessions by a
 * secret, revocable link kept only as a hash; no feed names a resident (a resident's says "Group
 * session" and the kind, staff and house feeds count named residents and carry no titles).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "identity",
		"audit", "residents", "residents::passes", "signatures", "levels", "levels::facts", "plans", "groups", "work",
		"government" }, displayName = "Therapeutic sessions")
package org.milieu.sessions;
