package org.milieu.staffing;

/** The three shifts of a day, in the order they follow each other. */
public enum ShiftCode {
	DAY, EVENING, NIGHT
}
