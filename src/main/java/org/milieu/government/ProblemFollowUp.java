package org.milieu.government;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A problem raised at a meeting with its follow-up: the current status is that of the latest step
 * (RAISED before any), the due date that of the latest step. {@code raisedByResident} is set when a
 * resident brought the problem.
 */
public record ProblemFollowUp(UUID agendaItemId, UUID meetingId, String meetingTitle, Instant meetingStartsAt,
		String title, String description, String raisedBy, UUID raisedByResident, FollowUpStatus status,
		LocalDate dueOn, List<FollowUp> history) {

	/** Not closed, and either past its due date or still only raised a week after its meeting. */
	public boolean overdue(LocalDate today, Instant now) {
		if (status.closed()) {
			return false;
		}
		if (dueOn != null && dueOn.isBefore(today)) {
			return true;
		}
		return status == FollowUpStatus.RAISED && meetingStartsAt.plus(java.time.Duration.ofDays(7)).isBefore(now);
	}
}
