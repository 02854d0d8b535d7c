package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A resident's stay ended; other modules close their part of it (see {@link DischargeClosures}).
 * {@code stayId} names the stay that ended, so each module records once per stay what it closed.
 */
public record ResidentDischarged(UUID programId, UUID residentId, UUID houseId, LocalDate dischargedOn, DischargeType type,
		UUID stayId) {
}
