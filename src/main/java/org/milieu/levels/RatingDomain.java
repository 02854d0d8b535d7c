package org.milieu.levels;

/**
 * What staff rate each resident on, once a shift. {@link #SAFETY} is a yes/no question,
 * "destructive behaviour to self or others?", stored as {@code 0} (yes: there was destructive
 * behaviour) or {@code 1} (no: the resident was safe), so that a higher value is better on every
 * domain. The other domains use a four-point scale: 1 poor, 2 fair, 3 good, 4 excellent.
 * <p>
 * These six domains and their scales are the default point sheet. The level scheme will later
 * let a program configure its own domains and scales; until then they are fixed here.
 */
public enum RatingDomain {

	SAFETY(0, 1), ORIENTATION(1, 4), HYGIENE(1, 4), GROUP_PARTICIPATION(1, 4), RESPONSIBILITY(1, 4), RESPECT(1, 4);

	private final int lowest;

	private final int highest;

	RatingDomain(int lowest, int highest) {
		this.lowest = lowest;
		this.highest = highest;
	}

	public int lowest() {
		return lowest;
	}

	public int highest() {
		return highest;
	}

	/** Whether {@code value} is on this domain's scale. */
	public boolean accepts(int value) {
		return value >= lowest && value <= highest;
	}

	/** Whether this domain is a yes/no question rather than a scale. */
	public boolean yesNo() {
		return this == SAFETY;
	}

	/** The message key of the domain's name, e.g. {@code rating.domain.HYGIENE}. */
	public String nameKey() {
		return "rating.domain." + name();
	}

	/** The message key of one value's label, e.g. {@code rating.value.HYGIENE.3} or {@code rating.value.SAFETY.0}. */
	public String valueKey(int value) {
		return "rating.value." + (yesNo() ? name() : "scale") + "." + value;
	}
}
