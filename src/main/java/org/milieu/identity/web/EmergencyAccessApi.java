package org.milieu.identity.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.milieu.identity.EmergencyAccess;
import org.milieu.identity.MilieuUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The director's review of emergency ("break-glass") access over JSON. */
@RestController
@RequestMapping("/api/v1/emergency-access")
@PreAuthorize("hasRole('ADMIN')")
class EmergencyAccessApi {

	private final EmergencyAccess emergency;

	EmergencyAccessApi(EmergencyAccess emergency) {
		this.emergency = emergency;
	}

	@GetMapping
	ResponseEntity<List<EmergencyAccess.Grant>> list(@AuthenticationPrincipal MilieuUser admin) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(emergency.forReview(admin));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping("/{id}/review")
	ResponseEntity<Void> review(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id,
			@Valid @RequestBody ReviewRequest request) {
		emergency.review(admin, id, request.note());
		return ResponseEntity.noContent().build();
	}

	record ReviewRequest(@NotBlank @Size(max = 1000) String note) {
	}
}
