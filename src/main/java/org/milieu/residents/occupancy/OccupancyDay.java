package org.milieu.residents.occupancy;

import java.time.LocalDate;
import java.util.UUID;

/** One house on one day of the occupancy report: beds, residents at the end of the day, movement. */
public record OccupancyDay(LocalDate date, UUID houseId, String houseName, int beds, int occupied, int admissions,
		int discharges) {

	/** Occupied beds as a share of all beds, in percent with one decimal; zero for a house without beds. */
	public double occupancyPercent() {
		return beds == 0 ? 0 : Math.round(occupied * 1000.0 / beds) / 10.0;
	}
}
