package org.milieu.sessions.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.Idempotency;
import org.milieu.sessions.CalendarFeed;
import org.milieu.sessions.CalendarFeedKind;
import org.milieu.sessions.CalendarFeeds;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own calendar feeds: list, make one (its link shown in that answer only), revoke. */
@RestController
@RequestMapping("/api/v1/calendar-feeds")
class CalendarFeedApi {

	private final CalendarFeeds feeds;

	CalendarFeedApi(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping
	ResponseEntity<List<CalendarFeed>> list(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(feeds.mine(user));
	}

	/** Makes a feed; the answer holds its link, once. Written in the language of the request. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	ResponseEntity<IssuedFeed> create(@AuthenticationPrincipal MilieuUser user, @Valid @RequestBody NewFeed request,
			HttpServletRequest http) {
		Idempotency.withholdAnswer(http);
		CalendarFeeds.Issued issued = feeds.create(user, request.kind(), request.houseId(), LocaleContextHolder.getLocale());
		CalendarFeed feed = issued.feed();
		return ResponseEntity.created(URI.create("/api/v1/calendar-feeds/" + feed.id())).cacheControl(CacheControl.noStore())
			.body(new IssuedFeed(feed.id(), feed.kind(), feed.houseId(), feed.houseName(), feed.createdAt(),
					CalendarFeedLinks.of(http, issued.token())));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		feeds.revoke(user, id);
		return ResponseEntity.noContent().build();
	}

	record NewFeed(@NotNull CalendarFeedKind kind, @Nullable UUID houseId) {
	}

	/** A feed just made, with its secret link: shown in this answer only. */
	record IssuedFeed(UUID id, CalendarFeedKind kind, @Nullable UUID houseId, @Nullable String houseName, Instant createdAt,
			String url) {
	}
}
