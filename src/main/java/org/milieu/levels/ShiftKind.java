package org.milieu.levels;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The three shifts a point sheet is kept for: day 07:00–15:00, evening 15:00–23:00 and night
 * 23:00–07:00 (ending the next morning), in the program's time zone. The same meaning as the
 * staffing module's shift codes; levels keeps its own so that it does not depend on staffing.
 */
public enum ShiftKind {

	DAY(LocalTime.of(7, 0)), EVENING(LocalTime.of(15, 0)), NIGHT(LocalTime.of(23, 0));

	private static final Duration LENGTH = Duration.ofHours(8);

	private final LocalTime starts;

	ShiftKind(LocalTime starts) {
		this.starts = starts;
	}

	/** When this shift of {@code date} starts where the program is. */
	public ZonedDateTime start(LocalDate date, ZoneId zone) {
		return date.atTime(starts).atZone(zone);
	}

	/** When this shift of {@code date} ends; the night shift ends on the next day. */
	public ZonedDateTime end(LocalDate date, ZoneId zone) {
		return start(date, zone).plus(LENGTH);
	}

	/** The message key of the shift's name, e.g. {@code rating.shift.DAY}. */
	public String nameKey() {
		return "rating.shift." + name();
	}

	/** The shift under way at {@code moment}: before 07:00 it is still the night shift of the day before. */
	public static ShiftSlot at(ZonedDateTime moment) {
		LocalTime time = moment.toLocalTime();
		LocalDate date = moment.toLocalDate();
		if (time.isBefore(DAY.starts)) {
			return new ShiftSlot(date.minusDays(1), NIGHT);
		}
		if (time.isBefore(EVENING.starts)) {
			return new ShiftSlot(date, DAY);
		}
		return new ShiftSlot(date, time.isBefore(NIGHT.starts) ? EVENING : NIGHT);
	}

	/** One shift on one date. */
	public record ShiftSlot(LocalDate date, ShiftKind kind) {
	}
}
