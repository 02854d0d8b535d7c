package org.milieu.levels.timeline;

/**
 * The current ratings of one domain over a stretch of days: how many were given and the sum of
 * their values. Tallies add up, so a week is the sum of its days and its average weighs every
 * rated shift alike (not every day alike).
 */
public record Tally(int rated, int sum) {

	public static final Tally NONE = new Tally(0, 0);

	public Tally plus(Tally other) {
		return new Tally(rated + other.rated, sum + other.sum);
	}

	/** The mean value rounded to two decimals, or null when nothing was rated. */
	public Double average() {
		return rated == 0 ? null : Math.round(100.0 * sum / rated) / 100.0;
	}
}
