package org.milieu.plans;

/**
 * A program's terms for treatment plans.
 *
 * @param initialPlanDays how many days after admission the first plan must be in force (1 to 365)
 * @param reviewIntervalDays how many days apart a plan's reviews fall (1 to 365), unless a resident's
 *        clinician set the resident's own
 * @param revision how often the terms were changed (0: the defaults)
 */
public record PlanTerms(int initialPlanDays, int reviewIntervalDays, int revision) {

	/** The terms of a program whose director set none. */
	public static final PlanTerms DEFAULTS = new PlanTerms(7, 30, 0);

	/** The shortest and longest number of days either term may be. */
	public static final int MIN_DAYS = 1;

	public static final int MAX_DAYS = 365;
}
