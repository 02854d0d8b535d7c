package org.milieu.work;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * One resident on one job for a week, with the terms copied from the job when the roster was
 * proposed (a later change of rate does not rewrite the week), the roster's week and status, and
 * the job's schedule and supervisor, so a completion can be checked against the days the job
 * happens. {@code chosen}: the job was among the resident's preferences. {@code leftOn}: the day
 * the resident left the roster (a discharge), null while they hold the job; from that day on the
 * place is open.
 */
public record Assignment(UUID id, UUID rosterId, LocalDate weekStart, RosterStatus rosterStatus, UUID jobId,
		String jobName, List<Integer> days, LocalTime startsAt, String supervisor, UUID residentId, UUID houseId,
		long rateCents, RateUnit rateUnit, String currency, int expectedMinutes, boolean chosen, @Nullable LocalDate leftOn) {

	/** The dates of the roster's week on which the resident does the job, in order: none from the day they left. */
	public List<LocalDate> dates() {
		return days.stream().sorted().map(d -> weekStart.plusDays(d - 1L))
			.filter(d -> leftOn == null || d.isBefore(leftOn)).toList();
	}

	/** Whether the resident has left the roster (discharged), so the place is open from {@link #leftOn}. */
	public boolean left() {
		return leftOn != null;
	}

	/** Whether the job happens on this date in the assignment's week. */
	public boolean scheduledOn(LocalDate date) {
		return dates().contains(date);
	}

	/** Whether the roster has been published (a proposal is not yet anyone's work). */
	public boolean published() {
		return rosterStatus == RosterStatus.PUBLISHED;
	}
}
