package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/** A person was admitted to a bed of the program; other modules start their part of the stay. */
public record ResidentAdmitted(UUID programId, UUID residentId, UUID houseId, LocalDate admittedOn) {
}
