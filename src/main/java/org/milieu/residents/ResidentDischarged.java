package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/** A resident's stay ended; other modules close their part of it. */
public record ResidentDischarged(UUID programId, UUID residentId, UUID houseId, LocalDate dischargedOn, DischargeType type) {
}
