package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/** A resident moved to another bed, perhaps in another house, during their stay. */
public record ResidentMoved(UUID programId, UUID residentId, UUID fromHouseId, UUID toHouseId, LocalDate movedOn) {
}
