package org.milieu.work.web;

import java.time.LocalDate;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.Paging;
import org.milieu.shared.PageRequest;
import org.milieu.work.Completion;
import org.milieu.work.PayoutBatch;
import org.milieu.work.PayoutMethod;
import org.milieu.work.VerificationStatus;
import org.milieu.work.WorkListings;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job completions and stipend payout batches as listings, a page at a time (see "Listings and
 * paging"). They stand beside {@code GET /api/v1/job-completions} (the verification queue) and
 * {@code GET /api/v1/stipend-payouts} (the latest batches), which answer bare arrays to their clients.
 */
@RestController
class WorkListingApi {

	private final WorkListings listings;

	WorkListingApi(WorkListings listings) {
		this.listings = listings;
	}

	/**
	 * Completions within the caller's reach, latest occurrence first, each one shown audited. Filters:
	 * {@code residentId}, {@code houseId}, {@code jobId}, {@code status} ({@code AWAITING} or
	 * {@code VERIFIED}), and {@code from}/{@code to} for the day of the occurrence (both included).
	 */
	@GetMapping("/api/v1/job-completion-records")
	ResponseEntity<CursorPage<Completion>> completions(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) UUID residentId, @RequestParam(required = false) UUID houseId,
			@RequestParam(required = false) UUID jobId, @RequestParam(required = false) VerificationStatus status,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			PageRequest page) {
		return Paging.ok(listings.completions(user, residentId, houseId, jobId, status, from, to, page));
	}

	/**
	 * Payout batches, latest paid first, without their lines ({@code GET /api/v1/stipend-payouts/{id}}
	 * gives them). Filters: {@code method}, and {@code from}/{@code to} for the day paid (both included).
	 */
	@GetMapping("/api/v1/stipend-payout-records")
	ResponseEntity<CursorPage<PayoutBatch>> payouts(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) PayoutMethod method, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, PageRequest page) {
		return Paging.ok(listings.payouts(user, method, from, to, page));
	}
}
