package org.milieu.government;

/** Open until the meeting takes it; then discussed, or carried over to the next meeting. */
public enum AgendaItemStatus {
	OPEN, DISCUSSED, CARRIED_OVER
}
