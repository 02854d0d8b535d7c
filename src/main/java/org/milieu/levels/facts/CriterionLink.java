package org.milieu.levels.facts;

/**
 * One criterion of a resident's level scheme, as another module's record names it: the level the
 * criterion leads to and the criterion's key in the scheme (with the resident's adjustments, the key
 * stays the same). A treatment plan's objective is linked to one this way, and the facts of its
 * progress carry the link, so the evidence page shows them under that criterion.
 */
public record CriterionLink(int level, String key) {

	/** The form a page's select sends and reads back: {@code 3/hygiene-share}. */
	public String value() {
		return level + "/" + key;
	}

	/** A link from a page's select value; one that names no level and key is returned as level 0, which no scheme has. */
	public static CriterionLink parse(String value) {
		int slash = value == null ? -1 : value.indexOf('/');
		if (slash < 1) {
			return new CriterionLink(0, value == null ? "" : value);
		}
		try {
			return new CriterionLink(Integer.parseInt(value.substring(0, slash)), value.substring(slash + 1));
		}
		catch (NumberFormatException notANumber) {
			return new CriterionLink(0, value);
		}
	}
}
