package org.milieu.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What is due of one current resident's plan, on the program's today: the first plan (from
 * admission until a version is in force) and the next review (on the schedule, or now because of an
 * event). Dates are the program's.
 *
 * @param planStatus where the plan stands
 * @param version the number of the version in force, else of the open draft; null without either
 * @param initialPlan the first plan's deadline while no version is in force, else null
 * @param review the next review while a version is in force, else null
 * @param requests the reviews asked for by events and not yet held, oldest first
 * @param reviewIntervalDays the days between reviews that apply to this resident
 * @param ownInterval whether the resident's clinician set that interval for this resident
 */
public record PlanDue(UUID residentId, String residentName, UUID houseId, String houseName, LocalDate admittedOn,
		Status planStatus, @Nullable Integer version, @Nullable Due initialPlan, @Nullable Due review,
		List<Request> requests, int reviewIntervalDays, boolean ownInterval) {

	public PlanDue {
		requests = List.copyOf(requests);
	}

	/** Where a resident's plan stands. */
	public enum Status {
		/** no version in force and no open draft */
		NONE,
		/** a draft being written or signed, none in force */
		DRAFT,
		/** a version in force, signed by the clinician and the resident */
		IN_FORCE,
		/** a version in force the resident declined to sign */
		NOT_SIGNED_BY_RESIDENT
	}

	/** How near a deadline is. */
	public enum Standing {
		/** the day has passed */
		OVERDUE,
		/** today, or within the next {@value ReviewSchedule#DUE_SOON_DAYS} days */
		DUE,
		/** later than that */
		UPCOMING
	}

	/** Why a review is due: the schedule, or an event in the resident's stay. */
	public enum Reason {
		SCHEDULED, LEVEL_CHANGE, MAJOR_INCIDENT, READMISSION
	}

	/** A deadline: the day, how near it is, and (for a review) why. */
	public record Due(LocalDate dueOn, Standing standing, @Nullable Reason reason) {
	}

	/** A review an event asked for, on the program's date it was asked. */
	public record Request(UUID id, Reason reason, LocalDate requestedOn, UUID eventId) {
	}

	/** Whether anything of this plan is overdue. */
	public boolean overdue() {
		return (initialPlan != null && initialPlan.standing() == Standing.OVERDUE)
				|| (review != null && review.standing() == Standing.OVERDUE);
	}

	/** Whether anything is due now or soon (and nothing overdue). */
	public boolean due() {
		return !overdue() && ((initialPlan != null && initialPlan.standing() == Standing.DUE)
				|| (review != null && review.standing() == Standing.DUE));
	}

	/** The nearest deadline of the two, for the order of a list. */
	public @Nullable LocalDate nextDeadline() {
		if (initialPlan != null) {
			return initialPlan.dueOn();
		}
		return review == null ? null : review.dueOn();
	}
}
