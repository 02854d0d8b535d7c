package org.milieu.platform;

import java.time.Instant;
import java.util.List;

/**
 * One thing the people on shift should see on their home page: an overdue return, a staffing
 * ratio under the minimum, a hand-off note not yet acknowledged, a screen to follow up. The text
 * is a message key with its arguments, so it shows in the reader's language; {@code link} is the
 * page where it is dealt with.
 *
 * @param severity how urgent it is
 * @param code the message key of the text
 * @param args the message arguments (names, times, counts)
 * @param link the page to deal with it, relative to the application
 * @param since when it began, for the order of items of one severity
 */
public record Attention(Severity severity, String code, List<Object> args, String link, Instant since) {

	public Attention {
		args = List.copyOf(args);
	}

	/** How urgent an item is: urgent items come first and stand out. */
	public enum Severity {
		URGENT, NOTICE
	}
}
