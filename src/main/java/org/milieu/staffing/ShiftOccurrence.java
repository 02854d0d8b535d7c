package org.milieu.staffing;

import java.time.Instant;
import java.time.LocalDate;

/** One shift on one date: the night shift of 26 November runs from 23:00 to 07:00 on the 27th. */
public record ShiftOccurrence(ShiftCode shift, LocalDate date, Instant startsAt, Instant endsAt) {
}
