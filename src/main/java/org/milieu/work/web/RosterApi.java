package org.milieu.work.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.identity.MilieuUser;
import org.milieu.work.Assignment;
import org.milieu.work.JobPreference;
import org.milieu.work.JobPreferences;
import org.milieu.work.Roster;
import org.milieu.work.Rosters;
import org.milieu.work.SwapRequest;
import org.milieu.work.SwapRequests;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Weekly rosters over JSON: residents' ranked job preferences, the proposal of a week's roster,
 * staff's adjustments and publication, each resident's published assignments, and swap requests
 * with staff's decisions. The services apply the access policy; bad input is a 422 naming the
 * field, and nothing is stored.
 */
@RestController
class RosterApi {

	private final Rosters rosters;

	private final JobPreferences preferences;

	private final SwapRequests swaps;

	RosterApi(Rosters rosters, JobPreferences preferences, SwapRequests swaps) {
		this.rosters = rosters;
		this.preferences = preferences;
		this.swaps = swaps;
	}

	/** The resident's wish list, rank 1 first. */
	@GetMapping("/api/v1/residents/{id}/job-preferences")
	ResponseEntity<List<PreferenceResponse>> preferences(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(preferences.of(user, id).stream().map(PreferenceResponse::of).toList());
	}

	/** Replaces the resident's wish list with the jobs in order. */
	@PutMapping("/api/v1/residents/{id}/job-preferences")
	ResponseEntity<List<PreferenceResponse>> rank(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody PreferencesRequest request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(preferences.replace(user, id, request.jobIds()).stream().map(PreferenceResponse::of).toList());
	}

	/** The resident's assignments on published rosters, newest week first. */
	@GetMapping("/api/v1/residents/{id}/job-assignments")
	ResponseEntity<List<Assignment>> assignments(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rosters.publishedFor(user, id));
	}

	/** Proposes the roster of a week for every resident living in a house; 201 with it. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/work-rosters")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<Roster> propose(@AuthenticationPrincipal MilieuUser user, @RequestBody ProposalRequest request) {
		Roster roster = rosters.propose(user, request.weekStart());
		return ResponseEntity.created(URI.create("/api/v1/work-rosters/" + roster.id())).cacheControl(CacheControl.noStore())
			.body(roster);
	}

	/** A roster with the assignments the caller may see. */
	@GetMapping("/api/v1/work-rosters/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<Roster> roster(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rosters.roster(user, id));
	}

	/** Publishes a proposed roster; a second publication is a 422 naming {@code id}. */
	@PostMapping("/api/v1/work-rosters/{id}/publish")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<Roster> publish(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rosters.publish(user, id));
	}

	/** Puts another resident on an assignment of a proposed roster, or gives its resident another job. */
	@PutMapping("/api/v1/job-assignments/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<Assignment> adjust(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody AdjustmentRequest request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(rosters.adjust(user, id, request.residentId(), request.jobId()));
	}

	/** The assignment's resident asks to exchange it with another of the same week; 201 with the request. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/job-assignments/{id}/swap-requests")
	@PreAuthorize("hasRole('RESIDENT')")
	ResponseEntity<SwapRequest> requestSwap(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody SwapRequestBody request) {
		SwapRequest swap = swaps.request(user, id, request.withAssignmentId(), request.reason());
		return ResponseEntity.created(URI.create("/api/v1/swap-requests/" + swap.id())).cacheControl(CacheControl.noStore())
			.body(swap);
	}

	/** Staff approve (the residents exchange jobs) or decline a swap request. */
	@PostMapping("/api/v1/swap-requests/{id}/decision")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<SwapRequest> decide(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody DecisionRequest request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(swaps.decide(user, id, request.approve(), request.note()));
	}

	record PreferencesRequest(
			@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), maxItems = 20, uniqueItems = true) List<UUID> jobIds) {
	}

	record ProposalRequest(@Schema(requiredMode = REQUIRED, description = "a Monday") LocalDate weekStart) {
	}

	record AdjustmentRequest(@Schema(description = "exactly one of residentId and jobId") UUID residentId, UUID jobId) {
	}

	record SwapRequestBody(@Schema(requiredMode = REQUIRED) UUID withAssignmentId, @Schema(maxLength = 500) String reason) {
	}

	record DecisionRequest(@Schema(requiredMode = REQUIRED) Boolean approve, @Schema(maxLength = 500) String note) {
	}

	record PreferenceResponse(int rank, UUID jobId, String name, int minLevel, boolean senior) {

		static PreferenceResponse of(JobPreference p) {
			return new PreferenceResponse(p.rank(), p.job().id(), p.job().name(), p.job().minLevel(), p.job().senior());
		}
	}
}
