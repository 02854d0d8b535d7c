package org.milieu.groups;

import java.util.UUID;

/** Two residents who must not be in the same group (a keep-apart pair or a required separation). */
public record Separation(UUID residentA, UUID residentB) {

	public boolean involves(UUID resident) {
		return residentA.equals(resident) || residentB.equals(resident);
	}

	public UUID other(UUID resident) {
		return residentA.equals(resident) ? residentB : residentA;
	}
}
