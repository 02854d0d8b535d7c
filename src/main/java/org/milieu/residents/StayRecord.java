package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One stay as the record shows it: the house and bed, the admission, and, once it has ended, how
 * it ended and the aftercare plan the resident left with ({@code discharge} is null while open).
 */
public record StayRecord(UUID stayId, UUID houseId, String houseName, String room, String bed, LocalDate admittedOn,
		Integer expectedLengthDays, String referralSource, String fundingSource, Discharge discharge) {

	public boolean open() {
		return discharge == null;
	}

	/** How the stay ended and what awaits the resident after it. */
	public record Discharge(LocalDate dischargedOn, DischargeType type, String reason, String dischargedBy,
			NewDischarge.Aftercare aftercare) {
	}
}
