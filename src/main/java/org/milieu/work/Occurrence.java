package org.milieu.work;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** One person's occurrence of a job on a day of a published roster, and its mark if it has one. */
public record Occurrence(UUID assignmentId, UUID residentId, String residentName, UUID houseId, UUID jobId, String jobName,
		LocalTime startsAt, int expectedMinutes, LocalDate day, Completion completion) {
}
