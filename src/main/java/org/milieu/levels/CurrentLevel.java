package org.milieu.levels;

import java.time.LocalDate;
import java.util.UUID;

/** A resident's level today and the day it took effect. */
public record CurrentLevel(UUID residentId, Level level, LocalDate since) {
}
