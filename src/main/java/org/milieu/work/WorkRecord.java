package org.milieu.work;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A resident's work and skills, from their verified work: each job with its classification, the
 * skills it practised, how many times and how many hours, and when; all skills practised; the hours
 * in total. It says nothing of treatment, levels or the reasons for a stay: it is for the return
 * to work.
 */
public record WorkRecord(UUID residentId, String name, List<Line> jobs, List<String> skills, long totalMinutes,
		LocalDate from, LocalDate to) {

	/** One job: its name, classification and skills, the occurrences done, the minutes worked, first and last date. */
	public record Line(String job, JobClassification classification, List<String> skills, int occurrences, long minutes,
			LocalDate first, LocalDate last) {

		public String hours() {
			return WorkRecord.hours(minutes);
		}
	}

	public String totalHours() {
		return hours(totalMinutes);
	}

	static String hours(long minutes) {
		return minutes / 60 + ":" + String.format("%02d", minutes % 60);
	}
}
