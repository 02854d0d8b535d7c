package org.milieu.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.milieu.plans.PlanDue.Due;
import org.milieu.plans.PlanDue.Reason;
import org.milieu.plans.PlanDue.Standing;

/**
 * The arithmetic of what is due, on the program's dates. The first plan is due on the day of
 * admission plus the program's deadline until a version is in force, and overdue the day after.
 * Once a version is in force, the next review falls an interval (the resident's own, else the
 * program's) after the later of the last signed review and the day the version came into force; it
 * is due within {@value #DUE_SOON_DAYS} days of that and overdue after it. A review an event asked
 * for and nobody has held since is due at once (its day is the day it was asked), unless the
 * scheduled one is already overdue.
 */
final class ReviewSchedule {

	/** How many days ahead a deadline counts as due. */
	static final int DUE_SOON_DAYS = 7;

	private ReviewSchedule() {
	}

	/** The first plan's deadline, for a resident admitted on {@code admittedOn} with no version in force. */
	static Due initialPlan(LocalDate today, LocalDate admittedOn, PlanTerms terms) {
		LocalDate dueOn = admittedOn.plusDays(terms.initialPlanDays());
		return new Due(dueOn, standing(today, dueOn), null);
	}

	/**
	 * The next review of a plan in force since {@code inForceAt}, whose last signed review was held on
	 * {@code lastReviewOn} (null: none yet), every {@code intervalDays}, with the open requests.
	 */
	static Due review(LocalDate today, ZoneId zone, Instant inForceAt, LocalDate lastReviewOn, int intervalDays,
			List<PlanDue.Request> open) {
		LocalDate inForceOn = inForceAt.atZone(zone).toLocalDate();
		LocalDate from = lastReviewOn != null && lastReviewOn.isAfter(inForceOn) ? lastReviewOn : inForceOn;
		LocalDate dueOn = from.plusDays(intervalDays);
		Standing standing = standing(today, dueOn);
		if (standing != Standing.OVERDUE && !open.isEmpty()) {
			PlanDue.Request first = open.stream().min(Comparator.comparing(PlanDue.Request::requestedOn)).orElseThrow();
			return new Due(first.requestedOn().isAfter(today) ? today : first.requestedOn(), Standing.DUE, first.reason());
		}
		return new Due(dueOn, standing, Reason.SCHEDULED);
	}

	/** The program's date of an instant. */
	static LocalDate dateOf(Instant at, ZoneId zone) {
		return at.atZone(zone).toLocalDate();
	}

	static Standing standing(LocalDate today, LocalDate dueOn) {
		if (today.isAfter(dueOn)) {
			return Standing.OVERDUE;
		}
		return dueOn.isAfter(today.plusDays(DUE_SOON_DAYS)) ? Standing.UPCOMING : Standing.DUE;
	}
}
