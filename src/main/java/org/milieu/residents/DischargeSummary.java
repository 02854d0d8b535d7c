package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a printed discharge summary carries, and no more: who the person is (name and birth date,
 * to identify them), the stay that ended, how and why it ended, and the aftercare plan. No phone
 * numbers, emergency contact, referral or funding: those are not the summary's business. The
 * stay's id and house name it for what other modules add (the stipend balance to pay out).
 */
public record DischargeSummary(UUID residentId, String givenName, String familyName, String preferredName,
		LocalDate birthDate, String houseName, LocalDate admittedOn, StayRecord.Discharge discharge, UUID stayId,
		UUID houseId) {
}
