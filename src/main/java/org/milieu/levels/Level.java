package org.milieu.levels;

/** The default ladder; each step brings more freedom and more responsibility. */
public enum Level {

	SAFETY(1), STABILISATION(2), RESPONSIBILITY(3), LEADERSHIP(4);

	private final int number;

	Level(int number) {
		this.number = number;
	}

	public int number() {
		return number;
	}

	public static Level of(int number) {
		for (Level level : values()) {
			if (level.number == number) {
				return level;
			}
		}
		throw new IllegalArgumentException("no level " + number);
	}

	/** The message key of the level's name, e.g. {@code level.3.name}. */
	public String nameKey() {
		return "level." + number + ".name";
	}
}
