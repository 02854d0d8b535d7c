package org.milieu.sessions;

/**
 * How a resident took part in a group session, on a four-step scale the page offers as the digits
 * 1 to 4 (one key each): 1 present but took little part, 2 took part when prompted, 3 took part on
 * their own, 4 led or supported others.
 */
public enum Participation {
	MINIMAL(1), PROMPTED(2), ACTIVE(3), LEADING(4);

	private final int step;

	Participation(int step) {
		this.step = step;
	}

	/** The step on the scale, 1 to 4. */
	public int step() {
		return step;
	}
}
