package org.milieu.residents.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.milieu.identity.EmergencyAccess;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Residents over JSON; every read passes the access policy and is audited. */
@RestController
@RequestMapping("/api/v1/residents")
class ResidentApi {

	private final Census census;

	ResidentApi(Census census) {
		this.census = census;
	}

	/** Today's residents within the caller's reach; for staff roles (the access policy decides). */
	@GetMapping
	ResponseEntity<List<ResidentResponse>> list(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(census.today(user).stream().map(ResidentResponse::of).toList());
	}

	/** One resident, if the access policy lets the caller see them (a resident sees their own). */
	@GetMapping("/{id}")
	ResponseEntity<ResidentResponse> get(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ResidentResponse.of(census.read(user, id)));
	}

	/**
	 * Emergency ("break-glass") access to a resident outside the caller's reach: give the reason;
	 * for the next hour reads are allowed and audited with purpose EMERGENCY.
	 */
	@PostMapping("/{id}/emergency-access")
	ResponseEntity<EmergencyAccess.Grant> breakGlass(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody EmergencyRequest request) {
		EmergencyAccess.Grant grant = census.breakGlass(user, id, request.reason());
		return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(grant);
	}

	record EmergencyRequest(@NotBlank @Size(min = 10, max = 1000) String reason) {
	}

	record ResidentResponse(UUID id, String givenName, String familyName, String preferredName, UUID houseId,
			String house, String room, String bed, LocalDate admittedOn) {

		static ResidentResponse of(CensusEntry e) {
			return new ResidentResponse(e.residentId(), e.givenName(), e.familyName(), e.preferredName(), e.houseId(),
					e.houseName(), e.room(), e.bed(), e.admittedOn());
		}
	}
}
