package org.milieu.levels;

import java.time.LocalDate;

/** One step of a resident's level history: the level, from when, who decided it and why. */
public record LevelHistoryEntry(Level level, LocalDate effectiveOn, String decidedBy, String rationale) {
}
