package org.milieu.platform.web;

import org.milieu.shared.VersionConflict;

/**
 * Record versions as HTTP entity tags: {@code "7"} for version 7. Updates must send the tag they
 * read in {@code If-Match}; a missing tag is refused (428) and an old one changes nothing (412).
 */
public final class ETags {

	private ETags() {
	}

	public static String of(int version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an update was based on, read from its If-Match header.
	 * @throws PreconditionRequired when the header is missing or blank
	 * @throws VersionConflict when it is not a strong tag this API issued (so cannot match)
	 */
	public static int requireVersion(String ifMatch, String recordType) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new PreconditionRequired();
		}
		String tag = ifMatch.trim();
		if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
			try {
				return Integer.parseInt(tag.substring(1, tag.length() - 1));
			}
			catch (NumberFormatException ex) {
				// falls through: not a tag this API issued
			}
		}
		throw new VersionConflict(recordType, -1, -1);
	}
}
