package org.milieu.residents;

import java.time.LocalTime;

/**
 * What a director can say about a house: its name, who it is for, where it is and its curfew,
 * the time of day residents must be back (null: the house has none).
 */
public record HouseDetails(String name, HouseKind kind, String address, LocalTime curfew) {

	/** A house without a curfew. */
	public HouseDetails(String name, HouseKind kind, String address) {
		this(name, kind, address, null);
	}
}
