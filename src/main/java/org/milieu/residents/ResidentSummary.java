package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A resident in a listing: who, the house and start of their newest stay, and its discharge when it
 * has ended ({@code dischargedOn} and {@code dischargeType} are null while they are in the program).
 */
public record ResidentSummary(UUID residentId, String givenName, String familyName, String preferredName,
		UUID houseId, String houseName, LocalDate admittedOn, LocalDate dischargedOn, DischargeType dischargeType) {
}
