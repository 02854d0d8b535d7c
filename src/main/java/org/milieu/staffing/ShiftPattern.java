package org.milieu.staffing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.milieu.shared.RuleViolation;

/**
 * When the program's three shifts start. Each shift ends when the next begins, so every moment
 * of the day belongs to exactly one shift; the night shift runs over midnight. By default day
 * 07:00–15:00, evening 15:00–23:00 and night 23:00–07:00.
 */
public record ShiftPattern(LocalTime dayStarts, LocalTime eveningStarts, LocalTime nightStarts) {

	public static final ShiftPattern DEFAULT = new ShiftPattern(LocalTime.of(7, 0), LocalTime.of(15, 0),
			LocalTime.of(23, 0));

	/** The shifts must start in order around the clock: day before evening before night. */
	public ShiftPattern {
		if (!dayStarts.isBefore(eveningStarts)) {
			throw new RuleViolation("staffing.shifts.order", "eveningStarts");
		}
		if (!eveningStarts.isBefore(nightStarts) && !nightStarts.isBefore(dayStarts)) {
			throw new RuleViolation("staffing.shifts.order", "nightStarts");
		}
	}

	public LocalTime startOf(ShiftCode shift) {
		return switch (shift) {
			case DAY -> dayStarts;
			case EVENING -> eveningStarts;
			case NIGHT -> nightStarts;
		};
	}

	/** The shift running at this moment in the program's time zone, with the date it began on. */
	public ShiftOccurrence at(Instant moment, ZoneId zone) {
		LocalDate date = moment.atZone(zone).toLocalDate();
		for (LocalDate day : new LocalDate[] { date, date.minusDays(1) }) {
			for (ShiftCode shift : ShiftCode.values()) {
				ShiftOccurrence occurrence = occurrence(shift, day, zone);
				if (!moment.isBefore(occurrence.startsAt()) && moment.isBefore(occurrence.endsAt())) {
					return occurrence;
				}
			}
		}
		throw new IllegalStateException("The shifts leave a gap at " + moment);
	}

	/** The shift of the given code that begins on the given date. */
	public ShiftOccurrence occurrence(ShiftCode shift, LocalDate date, ZoneId zone) {
		ZonedDateTime start = date.atTime(startOf(shift)).atZone(zone);
		ShiftCode next = ShiftCode.values()[(shift.ordinal() + 1) % 3];
		ZonedDateTime end = start.toLocalDate().atTime(startOf(next)).atZone(zone);
		if (!end.isAfter(start)) {
			end = end.plusDays(1);
		}
		return new ShiftOccurrence(shift, date, start.toInstant(), end.toInstant());
	}
}
