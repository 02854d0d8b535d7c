package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

/** A command to admit a person to a bed on a date. */
public record NewAdmission(String givenName, String familyName, String preferredName, LocalDate birthDate, UUID bedId,
		LocalDate admittedOn) {
}
