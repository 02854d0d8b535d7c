package org.milieu.sessions.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The absolute address of a calendar feed, built from the address its owner used to make it. */
final class CalendarFeedLinks {

	private CalendarFeedLinks() {
	}

	static String of(HttpServletRequest request, String token) {
		return ServletUriComponentsBuilder.fromContextPath(request).path("/calendar/{token}.ics").buildAndExpand(token)
			.toUriString();
	}
}
