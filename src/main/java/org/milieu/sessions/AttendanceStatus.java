package org.milieu.sessions;

/**
 * A resident's place at an occurrence, as the roll call records it. Present, late and left early
 * are attendance (the group note is written for them); excused needs a reason.
 */
public enum AttendanceStatus {

	PRESENT, LATE, LEFT_EARLY, ABSENT, EXCUSED;

	/** Whether the resident was there, for part or all of it. */
	public boolean attended() {
		return this == PRESENT || this == LATE || this == LEFT_EARLY;
	}

	/** The message key of the status's name, e.g. {@code attendance.status.LATE}. */
	public String nameKey() {
		return "attendance.status." + name();
	}
}
