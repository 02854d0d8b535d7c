package org.milieu.residents;

import java.util.UUID;

/** A bed in a room of a house, and whether someone holds it today. */
public record Bed(UUID id, UUID houseId, String room, String label, boolean taken) {
}
