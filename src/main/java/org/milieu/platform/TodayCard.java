package org.milieu.platform;

import java.util.List;

/**
 * One card of a resident's day. Texts are message keys with arguments, so the card shows in the
 * reader's language; links are pages within the application.
 *
 * @param order where the card stands among the others (lower first)
 * @param id a short name for the card, unique on the page (used as its element id)
 * @param headingCode the message key of the card's heading
 * @param lines what the card says, in order; empty renders {@code emptyCode}
 * @param emptyCode the message key shown when there are no lines
 * @param asks what the resident is asked to do (a self-assessment, peer input, an action item):
 *        gathered at the top of the page under "Asked of you"
 * @param link the card's page, or null
 * @param linkCode the message key of the link's text, or null
 */
public record TodayCard(int order, String id, String headingCode, List<Line> lines, String emptyCode, List<Line> asks,
		String link, String linkCode) {

	public TodayCard {
		lines = List.copyOf(lines);
		asks = List.copyOf(asks);
	}

	/**
	 * One line of a card: a message key, its arguments, and where to act on it (or null).
	 */
	public record Line(String code, List<Object> args, String link) {

		public Line {
			args = List.copyOf(args);
		}

		public static Line of(String code, Object... args) {
			return new Line(code, List.of(args), null);
		}

		public Line linkedTo(String page) {
			return new Line(code, args, page);
		}
	}
}
