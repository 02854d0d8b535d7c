package org.milieu.shared;

/**
 * The caller changed a record on the basis of a version that is no longer current: someone else
 * changed it first. Nothing was written; the caller should re-read and decide again.
 */
public class VersionConflict extends RuntimeException {

	private final int expected;

	private final int actual;

	public VersionConflict(String recordType, int expected, int actual) {
		super(recordType + " is at version " + actual + ", not " + expected);
		this.expected = expected;
		this.actual = actual;
	}

	public int expected() {
		return expected;
	}

	public int actual() {
		return actual;
	}
}
