package org.milieu.work;

import java.util.UUID;

/** Something in the incentive catalogue that points buy: an item or a voucher, never cash. */
public record IncentiveItem(UUID id, String name, Kind kind, int points, boolean active) {

	/** What the resident receives. */
	public enum Kind {
		ITEM, VOUCHER
	}
}
