package org.milieu.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a resident (a client of the program) across every module. */
public record ResidentId(UUID value) {

	public ResidentId {
		Objects.requireNonNull(value, "value");
	}

	public static ResidentId of(String value) {
		return new ResidentId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
