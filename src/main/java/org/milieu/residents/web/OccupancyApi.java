package org.milieu.residents.web;

import java.time.LocalDate;
import java.util.List;

import org.milieu.identity.MilieuUser;
import org.milieu.residents.occupancy.CensusSnapshots;
import org.milieu.residents.occupancy.OccupancyDay;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The occupancy report over JSON: each house's daily snapshot over a period of at most a year. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
class OccupancyApi {

	private final CensusSnapshots snapshots;

	OccupancyApi(CensusSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@GetMapping("/api/v1/occupancy")
	ResponseEntity<List<OccupancyDay>> report(@AuthenticationPrincipal MilieuUser user,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(snapshots.report(user, from, to, false));
	}
}
