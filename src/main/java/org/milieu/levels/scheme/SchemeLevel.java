package org.milieu.levels.scheme;

import java.util.List;

/**
 * One level of a scheme. The texts are the program's own; where one is empty the default text of
 * the level (in the reader's language) is shown. {@code criteria} are the conditions for reaching
 * this level from the one below (none for level 1).
 */
public record SchemeLevel(int number, String name, String description, String focus, String responsibilities,
		int minimumDays, List<Criterion> criteria) {

	public SchemeLevel {
		criteria = List.copyOf(criteria);
	}
}
