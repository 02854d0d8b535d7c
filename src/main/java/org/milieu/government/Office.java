package org.milieu.government;

/** The offices residents elect: the chair runs the meeting, the secretary keeps its record. */
public enum Office {
	CHAIR, SECRETARY
}
