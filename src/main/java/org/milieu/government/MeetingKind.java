package org.milieu.government;

/** A meeting held every week (or as the program's rhythm has it), or one called for the occasion. */
public enum MeetingKind {
	REGULAR, AD_HOC
}
