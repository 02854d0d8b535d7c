package org.milieu.sessions;

import java.util.List;
import java.util.UUID;

import org.milieu.identity.Role;

/**
 * A kind of session the program holds. The six techniques of the model are the defaults
 * ({@code code} set; their words are the message keys {@code session.type.<code>} until the director
 * names one); the director's own kinds have a {@code name} and no code.
 *
 * @param facilitatorRoles who may facilitate it
 * @param minimumLevel the lowest level a resident must have reached to attend, or null for any
 * @param mandatoryLevels the levels for which attendance is mandatory (the level criteria read it)
 * @param family whether it is a family session
 */
public record SessionType(UUID id, String code, String name, int durationMinutes, List<Role> facilitatorRoles,
		Integer minimumLevel, List<Integer> mandatoryLevels, boolean family, boolean retired, int revision) {

	public SessionType {
		facilitatorRoles = List.copyOf(facilitatorRoles);
		mandatoryLevels = List.copyOf(mandatoryLevels);
	}

	/** Whether attendance is mandatory for a resident at this level. */
	public boolean mandatoryAt(int level) {
		return mandatoryLevels.contains(level);
	}
}
