package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Someone discharged earlier was admitted again, on their earlier record: a new stay ({@code stayId}).
 * Published after {@link ResidentAdmitted} for the same stay, for modules that react to a return as
 * such (a treatment plan is reviewed on a readmission).
 */
public record ResidentReadmitted(UUID programId, UUID residentId, UUID houseId, LocalDate admittedOn, UUID stayId) {
}
