package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/** One resident in today's census: who, in which house and bed, since when. */
public record CensusEntry(UUID residentId, String givenName, String familyName, String preferredName, UUID houseId,
		String houseName, String room, String bed, LocalDate admittedOn) {

	public String displayName() {
		return (preferredName != null ? preferredName : givenName) + " " + familyName;
	}
}
