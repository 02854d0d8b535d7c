package org.milieu.work;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Work over a period, from the marks of the published rosters: hours worked and stipends earned
 * (verified) per house, and completion per job and per person. A rate is the share of marked
 * occurrences done (partly done counts half).
 */
public record WorkReport(LocalDate from, LocalDate to, List<Line> houses, List<Line> jobs, List<Line> people) {

	/** One row: who or what it is about, its house, the occurrences marked, done, partly and not done, minutes and cents earned. */
	public record Line(UUID id, String name, String house, int marked, int done, int partly, int notDone, long minutes,
			long earnedCents) {

		/** Completion rate in per cent, partly done counting half; 0 when nothing was marked. */
		public int rate() {
			return marked == 0 ? 0 : (int) Math.round((done + partly / 2.0) * 100.0 / marked);
		}

		public String hours() {
			return WorkRecord.hours(minutes);
		}
	}
}
