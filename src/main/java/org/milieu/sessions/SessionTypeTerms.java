package org.milieu.sessions;

import java.util.List;

/**
 * What the director sets for a kind of session: its name (required for a kind of their own; for a
 * default technique, null keeps the application's words), the usual duration, who facilitates it,
 * the lowest level that may attend, the levels for which it is mandatory, and whether it is a family
 * session.
 */
public record SessionTypeTerms(String name, Integer durationMinutes, List<String> facilitatorRoles, Integer minimumLevel,
		List<Integer> mandatoryLevels, Boolean family) {
}
