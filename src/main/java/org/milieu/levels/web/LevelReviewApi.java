package org.milieu.levels.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.time.LocalDate;
import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.Paging;
import org.milieu.shared.PageRequest;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.reviews.LevelEvidence;
import org.milieu.levels.reviews.LevelReviewEngine;
import org.milieu.levels.reviews.LevelReviews;
import org.milieu.levels.reviews.Review;
import org.milieu.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** Level reviews over JSON: the lists, one review, the decision, the resident's and peers' words, the engine. */
@RestController
class LevelReviewApi {

	private final LevelReviews reviews;

	private final LevelReviewEngine engine;

	private final LevelEvidence evidence;

	private final CriterionText text;

	LevelReviewApi(LevelReviews reviews, LevelReviewEngine engine, LevelEvidence evidence, CriterionText text) {
		this.reviews = reviews;
		this.engine = engine;
		this.evidence = evidence;
		this.text = text;
	}

	/**
	 * Reviews, newest opened first, a page at a time (see "Listings and paging"). Filters: {@code status}
	 * ({@code open}, the default, {@code decided} or {@code all}), {@code residentId}, {@code houseId},
	 * and {@code from}/{@code to} (dates, both included) for the day it was opened.
	 */
	@GetMapping("/api/v1/level-reviews")
	ResponseEntity<CursorPage<ReviewResponse>> list(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(defaultValue = "open") StatusFilter status, @RequestParam(required = false) UUID residentId,
			@RequestParam(required = false) UUID houseId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, PageRequest page) {
		Locale locale = LocaleContextHolder.getLocale();
		return Paging.ok(reviews.list(user, status.status, residentId, houseId, from, to, page)
			.map(r -> ReviewResponse.of(r, text, locale)));
	}

	/** The {@code status} filter as the API spells it; any other value is a 400 naming {@code status}. */
	enum StatusFilter {
		open(Review.Status.OPEN), decided(Review.Status.DECIDED), all(null);

		final Review.Status status;

		StatusFilter(Review.Status status) {
			this.status = status;
		}
	}

	@GetMapping("/api/v1/level-reviews/{id}")
	ResponseEntity<ReviewResponse> one(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(ReviewResponse.of(reviews.find(user, id), text, LocaleContextHolder.getLocale()));
	}

	@GetMapping("/api/v1/residents/{id}/level-reviews")
	ResponseEntity<List<ReviewResponse>> forResident(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(reviews.forResident(user, id).stream().map(r -> ReviewResponse.of(r, text, locale)).toList());
	}

	/** A staff member opens a review by hand, with a reason; the evidence of today is kept with it. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/level-reviews")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<ReviewResponse> open(@AuthenticationPrincipal MilieuUser user, @RequestBody OpenRequest request) {
		if (request.residentId() == null) {
			throw new RuleViolation("review.resident.missing", "residentId");
		}
		Review review = reviews.open(user, request.residentId(), request.kind(), request.reason(),
				evidence.of(user, request.residentId()));
		return ResponseEntity.created(URI.create("/api/v1/level-reviews/" + review.id()))
			.body(ReviewResponse.of(review, text, LocaleContextHolder.getLocale()));
	}

	/** The team's decision: advance, hold or step down, with the rationale and what to work on next. */
	@PostMapping("/api/v1/level-reviews/{id}/decision")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	ResponseEntity<ReviewResponse> decide(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody DecisionRequest request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(ReviewResponse.of(reviews.decide(user, id, request.decision(), request.rationale(), request.workOn()),
					text, LocaleContextHolder.getLocale()));
	}

	/** The resident's self-assessment on their own open review. */
	@PostMapping("/api/v1/level-reviews/{id}/self-assessment")
	@PreAuthorize("hasRole('RESIDENT')")
	ResponseEntity<ReviewResponse> selfAssess(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody TextRequest request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(ReviewResponse.of(reviews.selfAssess(user, id, request.text()), text, LocaleContextHolder.getLocale()));
	}

	/** A peer's input (a resident at level 3 or 4 of the same house) to a housemate's open review. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/level-reviews/{id}/peer-input")
	@PreAuthorize("hasRole('RESIDENT')")
	ResponseEntity<Void> peerInput(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody TextRequest request) {
		reviews.addPeerInput(user, id, request.text());
		return ResponseEntity.created(URI.create("/api/v1/level-reviews/" + id)).build();
	}

	/** Runs the review engine now over every resident of the program: long work, as the scheduled run. */
	@PostMapping("/api/v1/level-reviews/run")
	@org.milieu.platform.LongRunning
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	LevelReviewEngine.Run run(@AuthenticationPrincipal MilieuUser user) {
		return engine.runNow(user);
	}

	record OpenRequest(@Schema(requiredMode = REQUIRED) UUID residentId, @Schema(requiredMode = REQUIRED) Review.Kind kind, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 2000) String reason) {
	}

	record DecisionRequest(@Schema(requiredMode = REQUIRED) Review.Decision decision, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 4000) String rationale,
			@Schema(maxLength = 4000) String workOn) {
	}

	record TextRequest(@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 4000) String text) {
	}

	record FindingResponse(String name, String kind, String description, @Nullable Double value, double threshold, @Nullable Integer window,
			boolean met, boolean waived) {
	}

	record ReviewResponse(UUID id, UUID residentId, Review.Kind kind, int fromLevel, int proposedLevel, String status,
			java.time.Instant openedAt, String openedBy, @Nullable String reason, String explanation, List<FindingResponse> findings,
			Review.@Nullable TriggerKind trigger, java.time.@Nullable LocalDate triggerOn, @Nullable String selfAssessment, Review.@Nullable Decision decision,
			@Nullable Integer newLevel, @Nullable String rationale, @Nullable String workOn, @Nullable String decidedBy, java.time.@Nullable Instant decidedAt,
			int peerInputs) {

		static ReviewResponse of(Review r, CriterionText text, Locale locale) {
			List<FindingResponse> findings = r.findings().stream()
				.map(f -> new FindingResponse(f.key(), f.kind(), text.describe(f, locale), f.value(), f.threshold(),
						f.window(), f.met(), f.waived()))
				.toList();
			return new ReviewResponse(r.id(), r.residentId(), r.kind(), r.fromLevel(), r.proposedLevel(),
					r.status().name().toLowerCase(Locale.ROOT), r.openedAt(), r.openedBy(), r.reason(),
					text.explain(r, locale), findings, r.triggerKind(), r.triggerOn(), r.selfAssessment(), r.decision(),
					r.newLevel(), r.rationale(), r.workOn(), r.decidedBy(), r.decidedAt(), r.peerInput().size());
		}
	}
}
