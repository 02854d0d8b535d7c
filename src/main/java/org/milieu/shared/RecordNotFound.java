package org.milieu.shared;

/** The record asked for does not exist (or is not in the caller's program). */
public class RecordNotFound extends RuntimeException {

	private final String recordType;

	public RecordNotFound(String recordType, Object id) {
		super(recordType + " " + id + " not found");
		this.recordType = recordType;
	}

	public String recordType() {
		return recordType;
	}
}
