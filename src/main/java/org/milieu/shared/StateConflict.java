package org.milieu.shared;

/**
 * A request that cannot be answered in the record's present state, though it may be later: the
 * result of a vote still open, for example. Nothing was changed; {@code code} is a message key.
 */
public class StateConflict extends RuntimeException {

	private final String code;

	public StateConflict(String code) {
		super(code);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
