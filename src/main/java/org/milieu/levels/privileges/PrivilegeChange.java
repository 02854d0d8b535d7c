package org.milieu.levels.privileges;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/** One version of a privilege in the catalogue's history: what it was from {@code changedAt}, who made it so and why. */
public record PrivilegeChange(String code, int version, @Nullable String name, @Nullable String description, int minLevel, boolean active,
		@Nullable String reason, String changedBy, Instant changedAt) {
}
