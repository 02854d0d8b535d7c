package org.milieu.sessions.web;

import java.nio.charset.StandardCharsets;

import org.milieu.sessions.CalendarFeeds;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The feed a calendar app subscribes to: no sign-in, the secret token in the address is the key.
 * A malformed, unknown or revoked token answers the same bare 404; the feed itself is never kept by
 * a cache on the way ({@code private, no-store}) nor indexed.
 */
@Controller
class CalendarFeedDownload {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final CalendarFeeds feeds;

	CalendarFeedDownload(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String token) {
		return feeds.calendar(token)
			.map(text -> ResponseEntity.ok().contentType(TEXT_CALENDAR)
				.cacheControl(CacheControl.noStore().cachePrivate())
				.header("X-Robots-Tag", "noindex, nofollow")
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"milieu.ics\"")
				.body(text.getBytes(StandardCharsets.UTF_8)))
			.orElseGet(() -> ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build());
	}
}
