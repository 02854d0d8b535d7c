package org.milieu.levels.privileges;

import java.time.Instant;

/** One version of a privilege in the catalogue's history: what it was from {@code changedAt}, who made it so and why. */
public record PrivilegeChange(String code, int version, String name, String description, int minLevel, boolean active,
		String reason, String changedBy, Instant changedAt) {
}
