package org.milieu.audit;

/** Why data was used: normal care and operations, or an emergency ("break-glass"). */
public enum Purpose {
	NORMAL, EMERGENCY
}
