package org.milieu.residents.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.RecordNotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Today's residents over JSON, for staff roles. */
@RestController
@RequestMapping("/api/v1/residents")
class ResidentApi {

	private final Census census;

	ResidentApi(Census census) {
		this.census = census;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<List<ResidentResponse>> list(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(census.today(user.programId()).stream().map(ResidentResponse::of).toList());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<ResidentResponse> get(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		CensusEntry entry = census.find(user.programId(), id).orElseThrow(() -> new RecordNotFound("Resident", id));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ResidentResponse.of(entry));
	}

	record ResidentResponse(UUID id, String givenName, String familyName, String preferredName, UUID houseId,
			String house, String room, String bed, LocalDate admittedOn) {

		static ResidentResponse of(CensusEntry e) {
			return new ResidentResponse(e.residentId(), e.givenName(), e.familyName(), e.preferredName(), e.houseId(),
					e.houseName(), e.room(), e.bed(), e.admittedOn());
		}
	}
}
