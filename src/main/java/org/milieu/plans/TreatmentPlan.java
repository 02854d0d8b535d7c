package org.milieu.plans;

import java.util.List;
import java.util.UUID;

/**
 * A resident's plan: its versions, newest first, and the one to show (the version in force, or
 * the newest when none is).
 */
public record TreatmentPlan(UUID planId, UUID residentId, List<Summary> versions, int current) {

	/** A version in a list: its number, status and start. */
	public record Summary(int number, PlanStatus status, java.time.LocalDate startsOn, boolean locked,
			boolean residentDeclined, java.time.Instant createdAt) {
	}
}
