package org.milieu.government;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * How a program runs its client government: the day and time of the regular weekly meeting, the
 * quorum (more than {@code quorumPercent} per cent of the house's residents present), and the
 * length of an officer's term and how many consecutive terms one may serve in one office.
 */
public record Settings(DayOfWeek meetingDay, LocalTime meetingTime, int quorumPercent, int officerTermWeeks,
		int officerTermLimit) {

	/** What a program has until its director changes anything: Thursdays at half past six, more than half. */
	public static final Settings DEFAULTS = new Settings(DayOfWeek.THURSDAY, LocalTime.of(18, 30), 50, 4, 2);
}
