package org.milieu.work.web;

import java.time.LocalDate;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.Paging;
import org.milieu.shared.PageRequest;
import org.milieu.work.Assignment;
import org.milieu.work.Roster;
import org.milieu.work.RosterListings;
import org.milieu.work.RosterStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The work rosters and job assignments as listings, a page at a time (see "Listings and paging"). */
@RestController
class RosterListingApi {

	private final RosterListings listings;

	RosterListingApi(RosterListings listings) {
		this.listings = listings;
	}

	/**
	 * Rosters, latest week first, without their assignments ({@code GET /api/v1/work-rosters/{id}} gives
	 * them). Filters: {@code status}, and {@code from}/{@code to} for the week's Monday (both included).
	 */
	@GetMapping("/api/v1/work-rosters")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<CursorPage<Roster>> rosters(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) RosterStatus status, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, PageRequest page) {
		return Paging.ok(listings.rosters(user, status, from, to, page));
	}

	/**
	 * Job assignments of every roster within the caller's reach, latest week first, each one shown
	 * audited. Filters: {@code residentId}, {@code houseId}, {@code jobId}, {@code status} (of the
	 * roster), and {@code from}/{@code to} for the week's Monday (both included).
	 */
	@GetMapping("/api/v1/job-assignments")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<CursorPage<Assignment>> assignments(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) UUID residentId, @RequestParam(required = false) UUID houseId,
			@RequestParam(required = false) UUID jobId, @RequestParam(required = false) RosterStatus status,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			PageRequest page) {
		return Paging.ok(listings.assignments(user, residentId, houseId, jobId, status, from, to, page));
	}
}
