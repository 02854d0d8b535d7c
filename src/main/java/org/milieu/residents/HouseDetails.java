package org.milieu.residents;

import java.time.LocalTime;

/**
 * What a director can say about a house: its name, who it is for, what kind of setting it is,
 * where it is and its curfew, the time of day residents must be back (null: the house has none).
 * A house whose type is not given is residential.
 */
public record HouseDetails(String name, HouseKind kind, HouseType type, String address, LocalTime curfew) {

	public HouseDetails {
		type = type == null ? HouseType.RESIDENTIAL : type;
	}

	/** A residential house. */
	public HouseDetails(String name, HouseKind kind, String address, LocalTime curfew) {
		this(name, kind, HouseType.RESIDENTIAL, address, curfew);
	}

	/** A residential house without a curfew. */
	public HouseDetails(String name, HouseKind kind, String address) {
		this(name, kind, HouseType.RESIDENTIAL, address, null);
	}
}
