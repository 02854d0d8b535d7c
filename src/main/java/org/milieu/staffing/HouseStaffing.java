package org.milieu.staffing;

import org.jspecify.annotations.Nullable;
import java.util.UUID;

/**
 * One house right now: beds, residents, staff checked in, and whether that is enough. The
 * minimum is the most residents per staff member on shift; {@code residentsPerStaff} is null
 * when no one is checked in.
 */
public record HouseStaffing(UUID houseId, String name, int beds, int occupied, int staffOnShift,
		@Nullable Double residentsPerStaff, int minimumResidentsPerStaff, boolean belowMinimum, ShiftCode shift) {

	static HouseStaffing of(UUID houseId, String name, int beds, int occupied, int staff, int minimum, ShiftCode shift) {
		Double ratio = staff == 0 ? null : Math.round(occupied * 10.0 / staff) / 10.0;
		boolean below = occupied > 0 && (long) occupied > (long) minimum * staff;
		return new HouseStaffing(houseId, name, beds, occupied, staff, ratio, minimum, below, shift);
	}

	public int free() {
		return beds - occupied;
	}
}
