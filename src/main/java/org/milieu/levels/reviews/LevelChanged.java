package org.milieu.levels.reviews;

import java.time.LocalDate;
import java.util.UUID;

import org.milieu.shared.ProgramId;

/** A review's decision changed a resident's level, effective from {@code effectiveOn}. */
public record LevelChanged(ProgramId program, UUID residentId, int fromLevel, int toLevel, LocalDate effectiveOn,
		UUID reviewId) {
}
