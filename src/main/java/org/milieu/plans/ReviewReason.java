package org.milieu.plans;

/**
 * Why a plan is reviewed: on the schedule, or on an event (a level change, a major incident, a
 * readmission), or because someone asked for it.
 */
public enum ReviewReason {
	SCHEDULED, LEVEL_CHANGE, MAJOR_INCIDENT, READMISSION, REQUESTED
}
