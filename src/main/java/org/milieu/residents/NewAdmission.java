package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A command to admit a person to a bed on a date, with what the admission records about them.
 * {@code readmissionOf}, when given, names the resident record of someone discharged earlier: the
 * admission then opens a new stay on that record instead of creating a second record of the same person.
 */
public record NewAdmission(String givenName, String familyName, String preferredName, LocalDate birthDate, UUID bedId,
		LocalDate admittedOn, Details details, UUID readmissionOf) {

	public NewAdmission(String givenName, String familyName, String preferredName, LocalDate birthDate, UUID bedId,
			LocalDate admittedOn, Details details) {
		this(givenName, familyName, preferredName, birthDate, bedId, admittedOn, details, null);
	}

	public NewAdmission(String givenName, String familyName, String preferredName, LocalDate birthDate, UUID bedId,
			LocalDate admittedOn) {
		this(givenName, familyName, preferredName, birthDate, bedId, admittedOn, Details.NONE);
	}

	/** The optional parts of an admission. */
	public record Details(String pronouns, String primaryLanguage, String phone, String emergencyContactName,
			String emergencyContactPhone, String referralSource, String fundingSource, Integer expectedLengthDays) {

		public static final Details NONE = new Details(null, null, null, null, null, null, null, null);
	}
}
