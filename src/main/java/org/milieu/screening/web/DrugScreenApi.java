package org.milieu.screening.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.milieu.identity.MilieuUser;
import org.milieu.screening.DrugScreen;
import org.milieu.screening.DrugScreens;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.Paging;
import org.milieu.screening.FollowUp;
import org.milieu.screening.FollowUpListings;
import org.milieu.screening.FollowUpStatus;
import org.milieu.screening.NewDrugScreen;
import org.milieu.screening.Outcome;
import org.milieu.screening.Panel;
import org.milieu.screening.ScreenFollowUp;
import org.milieu.screening.ScreenFollowUps;
import org.milieu.shared.PageRequest;
import org.milieu.screening.Specimen;
import org.milieu.screening.Substance;
import org.milieu.screening.SubstanceResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Drug screens over JSON: recording, a resident's history, and clinicians' follow-ups. */
@RestController
class DrugScreenApi {

	private final DrugScreens screens;

	private final ScreenFollowUps followUps;

	private final FollowUpListings listings;

	DrugScreenApi(DrugScreens screens, ScreenFollowUps followUps, FollowUpListings listings) {
		this.screens = screens;
		this.followUps = followUps;
		this.listings = listings;
	}

	/** Records a screen; the access policy decides who may (staff, clinicians, the director). */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/drug-screens")
	ResponseEntity<ScreenResponse> record(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody ScreenRequest request) {
		DrugScreen screen = screens.record(user, id, request.command());
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id + "/drug-screens/" + screen.id()))
			.cacheControl(CacheControl.noStore())
			.body(ScreenResponse.of(screen));
	}

	/** The resident's screens, newest first; a resident reads their own. */
	@GetMapping("/api/v1/residents/{id}/drug-screens")
	ResponseEntity<List<ScreenResponse>> history(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(screens.history(user, id).screens().stream().map(ScreenResponse::of).toList());
	}

	/** One screen of the resident. */
	@GetMapping("/api/v1/residents/{id}/drug-screens/{screenId}")
	ResponseEntity<ScreenResponse> screen(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable UUID screenId) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(ScreenResponse.of(screens.screen(user, id, screenId)));
	}

	/** The caller's open follow-ups of positive and refused screens, oldest first. */
	@GetMapping("/api/v1/drug-screen-follow-ups")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	ResponseEntity<List<FollowUp>> followUps(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(followUps.openFor(user));
	}

	/**
	 * The caller's follow-ups, open and done, oldest screen first, a page at a time (see "Listings and
	 * paging"); each resident shown audited. Filters: {@code residentId}, {@code status} ({@code OPEN},
	 * {@code DONE}), and {@code from}/{@code to} for the day it was opened (both included).
	 * {@code GET /api/v1/drug-screen-follow-ups} stays the unpaged list of the open ones.
	 */
	@GetMapping("/api/v1/drug-screen-follow-up-records")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	ResponseEntity<CursorPage<ScreenFollowUp>> followUpRecords(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) UUID residentId, @RequestParam(required = false) FollowUpStatus status,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			PageRequest page) {
		return Paging.ok(listings.followUps(user, residentId, status, from, to, page));
	}

	/** Closes one of the caller's follow-ups with a note of what was done. */
	@PostMapping("/api/v1/drug-screen-follow-ups/{id}/close")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	ResponseEntity<ClosedResponse> close(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody CloseRequest request) {
		followUps.close(user, id, request.note());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ClosedResponse(id, "DONE"));
	}

	record ScreenRequest(@NotNull OffsetDateTime collectedAt, @NotNull Specimen specimen, @NotNull Panel panel,
			@NotNull Boolean observed, @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9-]*") String chainOfCustodyId,
			@Size(max = 120) String collectedBy, Boolean refused, @Valid List<@NotNull ResultRequest> results,
			@Size(max = 2000) String note) {

		NewDrugScreen command() {
			List<SubstanceResult> list = results == null ? List.of()
					: results.stream().map(r -> new SubstanceResult(r.substance(), r.result())).toList();
			return new NewDrugScreen(collectedAt.toInstant(), specimen, panel, observed, chainOfCustodyId, collectedBy,
					Boolean.TRUE.equals(refused), list, note);
		}
	}

	record ResultRequest(@NotNull Substance substance, @NotNull SubstanceResult.Result result) {
	}

	record CloseRequest(@NotBlank @Size(max = 2000) String note) {
	}

	record ClosedResponse(UUID id, String status) {
	}

	record ScreenResponse(UUID id, UUID residentId, Instant collectedAt, Specimen specimen, Panel panel,
			boolean observed, @Nullable String chainOfCustodyId, String collectedBy, boolean refused, Outcome outcome,
			List<SubstanceResult> results, @Nullable String note, String recordedBy, Instant recordedAt) {

		static ScreenResponse of(DrugScreen s) {
			return new ScreenResponse(s.id(), s.residentId(), s.collectedAt(), s.specimen(), s.panel(), s.observed(),
					s.chainOfCustodyId(), s.collectedBy(), s.refused(), s.outcome(), s.results(), s.note(), s.recordedBy(),
					s.recordedAt());
		}
	}
}
