package org.milieu.work;

import org.jspecify.annotations.Nullable;
import java.util.UUID;

/** A way to earn incentive points, the same for every resident of the program (for example a seven-day attendance streak). */
public record IncentiveRule(UUID id, String name, @Nullable String description, int points, boolean active) {
}
