package org.milieu.residents;

/** Optional free text as the residents module keeps it: trimmed, and blank means absent. */
final class TrimmedText {

	private TrimmedText() {
	}

	static String orNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
