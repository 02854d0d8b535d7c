package org.milieu.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one program (a therapeutic community) served by this installation. */
public record ProgramId(UUID value) {

	public ProgramId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
