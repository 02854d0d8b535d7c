package org.milieu.work;

import java.util.UUID;

/** A resident of today's census and their stipend balance, for the staff's list of balances. */
public record StipendBalance(UUID residentId, String residentName, UUID houseId, String houseName, long balanceCents,
		String currency) {
}
