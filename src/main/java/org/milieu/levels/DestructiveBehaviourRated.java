package org.milieu.levels;

import java.time.LocalDate;
import java.util.UUID;

import org.milieu.shared.ProgramId;

/** A shift rating recorded destructive behaviour toward self or others: a step-down review may open. */
public record DestructiveBehaviourRated(ProgramId program, UUID residentId, UUID ratingId, LocalDate shiftDate) {
}
