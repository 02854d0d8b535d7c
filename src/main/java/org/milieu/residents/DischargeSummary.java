package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a printed discharge summary carries, and no more: who the person is (name and birth date,
 * to identify them), the stay that ended, how and why it ended, and the aftercare plan. No phone
 * numbers, emergency contact, referral or funding: those are not the summary's business.
 */
public record DischargeSummary(UUID residentId, String givenName, String familyName, String preferredName,
		LocalDate birthDate, String houseName, LocalDate admittedOn, StayRecord.Discharge discharge) {
}
