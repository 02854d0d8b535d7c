package org.milieu.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A resident's record as a reader sees it: who they are, how to reach them, and every stay,
 * newest first. A resident whose latest stay is closed is discharged; their record is read-only.
 */
public record ResidentProfile(UUID residentId, String givenName, String familyName, String preferredName,
		String pronouns, LocalDate birthDate, String primaryLanguage, String phone, String emergencyContactName,
		String emergencyContactPhone, List<StayRecord> stays) {

	public ResidentProfile {
		stays = List.copyOf(stays);
	}

	/** How the community addresses them: the preferred name if given, else the given name. */
	public String displayName() {
		return (preferredName != null ? preferredName : givenName) + " " + familyName;
	}

	/** The newest stay (every resident on record has at least one). */
	public StayRecord latestStay() {
		return stays.get(0);
	}

	/** The open stay, if they are in the program today. */
	public java.util.Optional<StayRecord> currentStay() {
		return stays.stream().filter(StayRecord::open).findFirst();
	}

	/** Discharged: on record, but without an open stay. Their record is read-only. */
	public boolean discharged() {
		return currentStay().isEmpty();
	}

	/** The most recent stay that ended in a discharge, if any. */
	public java.util.Optional<StayRecord> latestDischarge() {
		return stays.stream().filter(s -> !s.open()).findFirst();
	}

	/** The house of the newest stay: the scope the access policy decides on. */
	public UUID scopeHouseId() {
		return latestStay().houseId();
	}
}
