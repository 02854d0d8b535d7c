package org.milieu.residents;

import java.time.Instant;
import java.util.UUID;

/** A bed taken out of use: kept for the history of stays and moves, no longer offered or counted. */
public record RetiredBed(UUID id, UUID houseId, String room, String label, Instant retiredAt, String retiredBy) {
}
