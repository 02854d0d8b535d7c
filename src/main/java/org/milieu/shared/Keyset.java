package org.milieu.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Where a page ends in a listing's order: the sort key of its last row, as text, and the row's id,
 * which breaks ties. The listing that made it reads it back with the accessor of its key's type.
 */
public record Keyset(String key, UUID id) {

	public Keyset {
		if (key == null || id == null) {
			throw new IllegalArgumentException("a keyset has a key and an id");
		}
	}

	public static Keyset of(Instant key, UUID id) {
		return new Keyset(key.toString(), id);
	}

	public static Keyset of(LocalDate key, UUID id) {
		return new Keyset(key.toString(), id);
	}

	public static Keyset of(String key, UUID id) {
		return new Keyset(key, id);
	}

	/** The key as an instant; a key that is none means the cursor was not made by this listing. */
	public Instant instant() {
		try {
			return Instant.parse(key);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("cursor is not of this listing", e);
		}
	}

	/** The key as a date; a key that is none means the cursor was not made by this listing. */
	public LocalDate date() {
		try {
			return LocalDate.parse(key);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("cursor is not of this listing", e);
		}
	}
}
