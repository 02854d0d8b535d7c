package org.milieu.residents.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.Paging;
import org.milieu.residents.passes.NewPass;
import org.milieu.residents.passes.Pass;
import org.milieu.residents.passes.PassStatus;
import org.milieu.residents.passes.PassListings;
import org.milieu.residents.passes.Passes;
import org.milieu.shared.PageRequest;
import org.milieu.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Passes over JSON: sign a resident out and back in, see who is out and a resident's history. */
@RestController
class PassApi {

	private final Passes passes;

	private final PassListings listings;

	private final Clock clock;

	PassApi(Passes passes, PassListings listings, Clock clock) {
		this.passes = passes;
		this.listings = listings;
		this.clock = clock;
	}

	/** Signs a resident out; 201 with the pass and its address. Already out is a 422 naming {@code resident}. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/passes")
	ResponseEntity<PassResponse> signOut(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody SignOutRequest request) {
		Pass pass = passes.signOut(user, id, request.command());
		return ResponseEntity.created(URI.create("/api/v1/passes/" + pass.id())).cacheControl(CacheControl.noStore())
			.body(PassResponse.of(pass, clock.instant()));
	}

	/** Signs a resident back in; a pass is signed in once (again is a 422). */
	@PostMapping("/api/v1/passes/{id}/return")
	ResponseEntity<PassResponse> signIn(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody(required = false) SignInRequest request) {
		SignInRequest r = request == null ? new SignInRequest(null, null) : request;
		Pass pass = passes.signIn(user, id, r.returnedAt() == null ? null : r.returnedAt().toInstant(), r.note());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(PassResponse.of(pass, clock.instant()));
	}

	/** Residents out now within the caller's reach, overdue first; {@code status=overdue} keeps only those. */
	@GetMapping("/api/v1/passes")
	ResponseEntity<List<PassResponse>> out(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(name = "status", defaultValue = "out") String status) {
		String wanted = status.toLowerCase(Locale.ROOT);
		if (!wanted.equals("out") && !wanted.equals("overdue")) {
			throw new RuleViolation("pass.status.unknown", "status");
		}
		Instant now = clock.instant();
		List<PassResponse> out = passes.out(user).stream().map(p -> PassResponse.of(p, now))
			.filter(p -> wanted.equals("out") || p.status() == PassStatus.OVERDUE)
			.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(out);
	}

	/**
	 * Every pass within the caller's reach, out or returned, latest sign-out first, a page at a time
	 * (see "Listings and paging"); each one shown audited. Filters: {@code residentId}, {@code houseId},
	 * {@code status} ({@code OUT}, {@code OVERDUE}, {@code RETURNED}), and {@code from}/{@code to} for the
	 * day left (both included). {@code GET /api/v1/passes} stays the unpaged list of who is out now.
	 */
	@GetMapping("/api/v1/pass-records")
	ResponseEntity<CursorPage<PassResponse>> records(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) UUID residentId, @RequestParam(required = false) UUID houseId,
			@RequestParam(required = false) PassStatus status, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, PageRequest page) {
		Instant now = clock.instant();
		return Paging.ok(listings.passes(user, residentId, houseId, status, from, to, page).map(p -> PassResponse.of(p, now)));
	}

	@GetMapping("/api/v1/passes/{id}")
	ResponseEntity<PassResponse> get(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(PassResponse.of(passes.read(user, id), clock.instant()));
	}

	/** A resident's passes, latest first; residents may read their own. */
	@GetMapping("/api/v1/residents/{id}/passes")
	ResponseEntity<List<PassResponse>> history(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		Instant now = clock.instant();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(passes.history(user, id).stream().map(p -> PassResponse.of(p, now)).toList());
	}

	record SignOutRequest(@NotBlank @Size(max = 200) String destination, @NotBlank @Size(max = 200) String purpose,
			@Size(max = 120) String companion, OffsetDateTime leftAt, @NotNull OffsetDateTime expectedBackAt,
			Boolean pastCurfew) {

		NewPass command() {
			return new NewPass(destination, purpose, companion, leftAt == null ? null : leftAt.toInstant(),
					expectedBackAt.toInstant(), Boolean.TRUE.equals(pastCurfew));
		}
	}

	record SignInRequest(OffsetDateTime returnedAt, @Size(max = 2000) String note) {
	}

	record PassResponse(UUID id, UUID residentId, String residentName, UUID houseId, String house, String destination,
			String purpose, @Nullable String companion, Instant leftAt, Instant expectedBackAt, boolean pastCurfew, String approvedBy,
			String signedOutBy, @Nullable Instant returnedAt, @Nullable String returnedRecordedBy, @Nullable String returnNote, PassStatus status) {

		static PassResponse of(Pass p, Instant now) {
			return new PassResponse(p.id(), p.residentId(), p.residentName(), p.houseId(), p.houseName(), p.destination(),
					p.purpose(), p.companion(), p.leftAt(), p.expectedBackAt(), p.pastCurfew(), p.approvedBy(),
					p.signedOutBy(), p.returnedAt(), p.returnedRecordedBy(), p.returnNote(), p.status(now));
		}
	}
}
