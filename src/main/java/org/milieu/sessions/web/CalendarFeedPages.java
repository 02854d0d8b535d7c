package org.milieu.sessions.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.Programs;
import org.milieu.sessions.CalendarFeedKind;
import org.milieu.sessions.CalendarFeeds;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Your calendar feeds: make one (its link shown once, to copy into a calendar app), see when each
 * was last fetched, revoke it. Staff have one of the sessions they facilitate and one per house;
 * a resident one of their own sessions.
 */
@Controller
class CalendarFeedPages {

	private final CalendarFeeds feeds;

	private final Programs programs;

	CalendarFeedPages(CalendarFeeds feeds, Programs programs) {
		this.feeds = feeds;
		this.programs = programs;
	}

	@GetMapping("/me/calendar-feeds")
	String list(@AuthenticationPrincipal MilieuUser user, Model model) {
		return page(user, model);
	}

	@PostMapping("/me/calendar-feeds")
	String create(@AuthenticationPrincipal MilieuUser user, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String houseId, Locale locale, HttpServletRequest request, Model model) {
		try {
			CalendarFeeds.Issued issued = feeds.create(user, kindOf(kind), houseOf(houseId), locale);
			model.addAttribute("issued", issued.feed());
			model.addAttribute("issuedLink", CalendarFeedLinks.of(request, issued.token()));
		}
		catch (RuleViolation rule) {
			model.addAttribute("error", rule.code());
			model.addAttribute("errorArgs", rule.arguments());
		}
		catch (AccessDeniedException denied) {
			model.addAttribute("error", "calendarFeed.refused");
			model.addAttribute("errorArgs", new Object[0]);
		}
		return page(user, model);
	}

	@PostMapping("/me/calendar-feeds/{id}/revoke")
	String revoke(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			feeds.revoke(user, id);
			redirect.addFlashAttribute("notice", "calendarFeed.revoked");
		}
		catch (RecordNotFound gone) {
			redirect.addFlashAttribute("notice", "calendarFeed.notFound");
		}
		return "redirect:/me/calendar-feeds";
	}

	private String page(MilieuUser user, Model model) {
		model.addAttribute("feeds", feeds.mine(user));
		model.addAttribute("kinds", feeds.kindsFor(user));
		model.addAttribute("houses", feeds.housesFor(user));
		model.addAttribute("zone", programs.timeZone(user.programId()));
		return "sessions/calendar-feed-list";
	}

	private static CalendarFeedKind kindOf(String kind) {
		if (kind == null || kind.isBlank()) {
			throw new RuleViolation("calendarFeed.kind.required", "kind");
		}
		try {
			return CalendarFeedKind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			throw new RuleViolation("calendarFeed.kind.required", "kind");
		}
	}

	private static UUID houseOf(String houseId) {
		if (houseId == null || houseId.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(houseId);
		}
		catch (IllegalArgumentException ex) {
			throw new RuleViolation("calendarFeed.house.unknown", "houseId");
		}
	}
}
