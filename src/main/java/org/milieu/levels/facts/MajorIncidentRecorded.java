package org.milieu.levels.facts;

import java.time.LocalDate;
import java.util.UUID;

import org.milieu.shared.ProgramId;

/** A major incident was recorded for a resident: the level scheme may open a step-down review. */
public record MajorIncidentRecorded(ProgramId program, UUID residentId, UUID factId, LocalDate occurredOn) {
}
