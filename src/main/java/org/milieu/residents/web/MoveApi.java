package org.milieu.residents.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Moves;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Moving a resident to another bed or house over JSON; the access policy decides who may. */
@RestController
class MoveApi {

	private final Moves moves;

	MoveApi(Moves moves) {
		this.moves = moves;
	}

	@PostMapping("/api/v1/residents/{id}/move")
	ResponseEntity<Moves.Move> move(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody MoveRequest request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(moves.move(user, id, request.bedId(), request.movedOn(), request.reason()));
	}

	record MoveRequest(@NotNull UUID bedId, @NotNull LocalDate movedOn, @Size(max = 500) String reason) {
	}
}
