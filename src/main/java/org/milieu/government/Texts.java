package org.milieu.government;

import org.milieu.shared.RuleViolation;

/** The checks the follow-up's texts share: a title is required and short, a note optional and bounded. */
final class Texts {

	private Texts() {
	}

	static String title(String title, String blankKey, String longKey) {
		if (title == null || title.isBlank()) {
			throw new RuleViolation(blankKey, "title");
		}
		if (title.strip().length() > 200) {
			throw new RuleViolation(longKey, "title", 200);
		}
		return title.strip();
	}

	/** Null when blank; refused ({@code field}) past {@code max} characters. */
	static String optional(String text, int max, String longKey, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.strip().length() > max) {
			throw new RuleViolation(longKey, field, max);
		}
		return text.strip();
	}
}
