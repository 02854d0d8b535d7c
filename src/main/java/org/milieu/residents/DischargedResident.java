package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/** A former resident in the list of discharges: who, from which house, and how their last stay ended. */
public record DischargedResident(UUID residentId, String givenName, String familyName, String preferredName,
		UUID houseId, String houseName, LocalDate admittedOn, LocalDate dischargedOn, DischargeType type) {

	public String displayName() {
		return (preferredName != null ? preferredName : givenName) + " " + familyName;
	}
}
