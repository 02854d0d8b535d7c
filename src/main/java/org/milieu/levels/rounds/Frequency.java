package org.milieu.levels.rounds;

import java.time.Duration;

/**
 * How often a resident on observation is checked. One-to-one has no interval: someone is with the
 * resident all the time, and passing that duty on is a documented hand-over.
 */
public enum Frequency {
	EVERY_15(Duration.ofMinutes(15)), EVERY_30(Duration.ofMinutes(30)), EVERY_60(Duration.ofMinutes(60)), ONE_TO_ONE(null);

	private final Duration interval;

	Frequency(Duration interval) {
		this.interval = interval;
	}

	/** The time between checks; null for one-to-one, which is continuous. */
	public Duration interval() {
		return interval;
	}

	public boolean continuous() {
		return interval == null;
	}

	/** The message key of the frequency's name. */
	public String nameKey() {
		return "rounds.frequency." + name();
	}
}
