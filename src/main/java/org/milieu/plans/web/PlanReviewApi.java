package org.milieu.plans.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.ObjectiveRating;
import org.milieu.plans.PlanReview;
import org.milieu.plans.PlanReviews;
import org.milieu.plans.PlanVersion;
import org.milieu.plans.ReviewDraft;
import org.milieu.plans.ReviewOpen;
import org.milieu.plans.ReviewReason;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.ETags;
import org.milieu.platform.web.Paging;
import org.milieu.platform.web.ProblemTypes;
import org.milieu.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviews of a resident's treatment plan over JSON: start one (of the version in force), list them
 * newest first, read one with every objective and its rating and the signatures with their check,
 * rate the objectives and write the summary on the revision read (ETag/If-Match), the resident's own
 * comment, and a new version of the plan from the review. The access policy decides in the service;
 * bad input is a 422 naming the field, a change of a signed review a 409, and a second open review a
 * 409 pointing at the open one ({@code Location}).
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT', 'FAMILY')")
class PlanReviewApi {

	private final PlanReviews reviews;

	private final MessageSource messages;

	PlanReviewApi(PlanReviews reviews, MessageSource messages) {
		this.reviews = reviews;
		this.messages = messages;
	}

	/** Starts a review of the version in force; 201 with it. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/plan/reviews")
	ResponseEntity<ReviewResponse> start(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody(required = false) NewReviewRequest request) {
		PlanReview started = reviews.start(user, id, request == null ? null : request.reason(),
				request == null ? null : request.heldOn());
		return ResponseEntity.created(URI.create(path(id, started.id()))).eTag(ETags.of(started.revision()))
			.cacheControl(CacheControl.noStore()).body(ReviewResponse.of(started, List.of()));
	}

	/** The resident's reviews, the latest held first, a page at a time (see "Listings and paging"). */
	@GetMapping("/api/v1/residents/{id}/plan/reviews")
	ResponseEntity<CursorPage<ReviewResponse>> list(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			PageRequest page) {
		return Paging.ok(reviews.reviews(user, id, page).map(r -> ReviewResponse.of(r, List.of())));
	}

	/** One review with every objective of the reviewed version and its rating, and its signatures; ETag: its revision. */
	@GetMapping("/api/v1/residents/{id}/plan/reviews/{reviewId}")
	ResponseEntity<ReviewResponse> review(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable UUID reviewId) {
		PlanReview review = reviews.review(user, id, reviewId);
		return tagged(ReviewResponse.of(review,
				reviews.signaturesOf(user, id, reviewId).stream().map(PlanApi.SignatureResponse::of).toList()));
	}

	/** The clinician's ratings and summary as a whole; needs If-Match with the revision read. */
	@PutMapping("/api/v1/residents/{id}/plan/reviews/{reviewId}")
	ResponseEntity<ReviewResponse> rate(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable UUID reviewId,
			@Parameter(required = true) @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody RatingsRequest request) {
		int expected = ETags.requireVersion(ifMatch, "TreatmentPlanReview");
		return tagged(ReviewResponse.of(reviews.rate(user, id, reviewId, expected, request.draft()), List.of()));
	}

	/** The resident's own comment on an open review of their plan; needs If-Match with the revision read. */
	@PutMapping("/api/v1/residents/{id}/plan/reviews/{reviewId}/resident-comment")
	ResponseEntity<ReviewResponse> comment(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable UUID reviewId,
			@Parameter(required = true) @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody CommentRequest request) {
		int expected = ETags.requireVersion(ifMatch, "TreatmentPlanReview");
		return tagged(ReviewResponse.of(reviews.comment(user, id, reviewId, expected, request.comment()), List.of()));
	}

	/**
	 * The review revises the plan: a new draft version, which the review names; 201 with the review,
	 * the new version at {@code Location}. Needs If-Match with the review's revision read.
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/plan/reviews/{reviewId}/revision")
	ResponseEntity<ReviewResponse> revise(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable UUID reviewId,
			@Parameter(required = true) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		int expected = ETags.requireVersion(ifMatch, "TreatmentPlanReview");
		PlanVersion started = reviews.revisePlan(user, id, reviewId, expected);
		PlanReview review = reviews.review(user, id, reviewId);
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id + "/plan/versions/" + started.number()))
			.eTag(ETags.of(review.revision())).cacheControl(CacheControl.noStore())
			.body(ReviewResponse.of(review, List.of()));
	}

	/** A second review while one is open: 409, pointing at the open one. */
	@ExceptionHandler(ReviewOpen.class)
	ResponseEntity<ProblemDetail> alreadyOpen(ReviewOpen open, jakarta.servlet.http.HttpServletRequest request) {
		var locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.getMessage(open.code(), null, open.code(), locale));
		problem.setType(ProblemTypes.STATE_CONFLICT);
		problem.setTitle(messages.getMessage("problem.title.409", null, "Conflict", locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		String residentPath = request.getRequestURI().replaceAll("/plan/reviews.*$", "");
		String openPath = residentPath + "/plan/reviews/" + open.openReview();
		return ResponseEntity.status(HttpStatus.CONFLICT).location(URI.create(openPath)).body(problem);
	}

	private static String path(UUID residentId, UUID reviewId) {
		return "/api/v1/residents/" + residentId + "/plan/reviews/" + reviewId;
	}

	private static ResponseEntity<ReviewResponse> tagged(ReviewResponse body) {
		return ResponseEntity.ok().eTag(ETags.of(body.revision())).cacheControl(CacheControl.noStore()).body(body);
	}

	record NewReviewRequest(
			@Schema(description = "why the plan is reviewed; SCHEDULED when left out") @Nullable ReviewReason reason,
			@Schema(description = "the day the review is held; today when left out, never a day to come") @Nullable LocalDate heldOn) {
	}

	record RatingsRequest(@Schema(maxLength = 2000) @Nullable String summary, @Nullable List<RatingRequest> ratings) {

		ReviewDraft draft() {
			return new ReviewDraft(summary, ratings == null ? List.of()
					: ratings.stream().map(r -> r == null ? null
							: new ReviewDraft.NewRating(r.objectiveId(), r.rating(), r.comment())).toList());
		}
	}

	record RatingRequest(
			@Schema(requiredMode = REQUIRED, description = "an objective of the reviewed version") UUID objectiveId,
			@Schema(requiredMode = REQUIRED, allowableValues = { "MET", "PROGRESSING", "NOT_PROGRESSING", "CHANGED",
					"DROPPED" }) String rating,
			@Schema(maxLength = 1000) @Nullable String comment) {
	}

	record CommentRequest(@Schema(maxLength = 2000, description = "the resident's own words; blank clears it") @Nullable String comment) {
	}

	record ObjectiveResponse(UUID objectiveId, String text, @Nullable String measure, @Nullable LocalDate targetDate,
			@Nullable ObjectiveRating rating, @Nullable String comment) {

		static ObjectiveResponse of(PlanReview.RatedObjective o) {
			return new ObjectiveResponse(o.objectiveId(), o.text(), o.measure(), o.targetDate(), o.rating(), o.comment());
		}
	}

	record ReviewResponse(UUID id, UUID planId, UUID residentId, int reviewedVersion, ReviewReason reason,
			LocalDate heldOn, @Nullable String summary, @Nullable String residentComment,
			@Nullable Integer revisedToVersion, int revision, String createdBy, Instant createdAt, boolean locked,
			@Nullable Instant signedAt, @Nullable Instant closedAt, List<ObjectiveResponse> objectives,
			@Schema(description = "the SHA-256 of the review's content now, which a signature of it names", pattern = "^[0-9a-f]{64}$") String contentHash,
			List<PlanApi.SignatureResponse> signatures) {

		static ReviewResponse of(PlanReview r, List<PlanApi.SignatureResponse> signatures) {
			return new ReviewResponse(r.id(), r.planId(), r.residentId(), r.versionNumber(), r.reason(), r.heldOn(),
					r.summary(), r.residentComment(), r.revisedToVersion(), r.revision(), r.createdBy(), r.createdAt(),
					r.locked(), r.signedAt(), r.closedAt(), r.objectives().stream().map(ObjectiveResponse::of).toList(),
					PlanReviews.contentHash(r), signatures);
		}
	}
}
