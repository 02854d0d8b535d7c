package org.milieu.levels.privileges;

import java.time.Instant;
import java.util.UUID;

/**
 * One privilege of a program's catalogue as it stands now: the level it comes with
 * ({@code minLevel}, 1 to 4) and whether the program offers it at all. A default privilege
 * ({@code custom} false) has no name of its own: it reads from the message bundles by code
 * ({@link #nameKey()}); a custom one carries the director's name and description. Every change
 * makes a new {@code version}, kept in the catalogue's history.
 */
public record Privilege(UUID id, String code, String name, String description, int minLevel, boolean active,
		boolean custom, int version, String changedBy, Instant changedAt) {

	/** The message key of a default privilege's name, e.g. {@code privilege.PHONE_TIME.name}. */
	public String nameKey() {
		return "privilege." + code + ".name";
	}

	/** The message key of a default privilege's description. */
	public String descriptionKey() {
		return "privilege." + code + ".description";
	}
}
