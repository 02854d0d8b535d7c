package org.milieu.government;

/** Open until its owner, or staff, marks it done; done is final. */
public enum ActionItemStatus {
	OPEN, DONE
}
