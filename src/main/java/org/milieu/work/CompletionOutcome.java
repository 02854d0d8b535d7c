package org.milieu.work;

/** How one occurrence of a job went for one person. */
public enum CompletionOutcome {
	DONE, PARTLY_DONE, NOT_DONE
}
