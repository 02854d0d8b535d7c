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
import org.milieu.levels.facts.CriterionLink;
import org.milieu.plans.ItemKind;
import org.milieu.plans.NewItem;
import org.milieu.plans.PlanDraft;
import org.milieu.plans.PlanItem;
import org.milieu.plans.PlanStatus;
import org.milieu.plans.PlanVersion;
import org.milieu.plans.TreatmentPlan;
import org.milieu.plans.TreatmentPlans;
import org.milieu.platform.web.ETags;
import org.milieu.signatures.Verification;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resident's treatment plan over JSON: the plan with its versions, one version with its parts
 * (each naming who wrote it) and its signatures with their check, a new version, the team's edit of
 * a draft on the revision read (ETag/If-Match), and the resident's own goals and comments. The
 * access policy decides in the service; bad input is a 422 naming the field, an edit of a signed
 * version a 409 saying to start a new version.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT', 'FAMILY')")
class PlanApi {

	private final TreatmentPlans plans;

	private final org.milieu.plans.PlanHistories histories;

	private final org.milieu.platform.web.PdfPrinter pdf;

	PlanApi(TreatmentPlans plans, org.milieu.plans.PlanHistories histories, org.milieu.platform.web.PdfPrinter pdf) {
		this.plans = plans;
		this.histories = histories;
		this.pdf = pdf;
	}

	/**
	 * The plan and its whole history as a PDF in the caller's language: every version newest first with
	 * its parts, authors and signatures, each signature with its check ("does not match" when the
	 * signed content changed), and the reviews. An export (audited); the file name carries no name.
	 */
	@GetMapping("/api/v1/residents/{id}/plan.pdf")
	ResponseEntity<byte[]> print(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.Parameter(hidden = true) @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept)
			throws org.springframework.web.HttpMediaTypeNotAcceptableException {
		org.milieu.platform.web.PdfPrinter.requireAccepted(accept);
		byte[] document = pdf.print("plans/plan-pdf", "plan.css",
				java.util.Map.of("history", histories.history(user, id), "kinds", List.of(ItemKind.values())),
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
				.attachment().filename("treatment-plan-" + id + ".pdf").build().toString())
			.body(document);
	}

	/** The plan with its versions, newest first, and the number of the one to show (in force, else the newest). */
	@GetMapping("/api/v1/residents/{id}/plan")
	ResponseEntity<PlanResponse> plan(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		TreatmentPlan plan = plans.plan(user, id);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(new PlanResponse(plan.planId(), plan.residentId(), plan.current(), plan.versions()));
	}

	/** Starts the next version: the first draft of a plan, or a draft copy of the newest version; 201 with it. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/plan/versions")
	ResponseEntity<VersionResponse> start(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody(required = false) NewVersionRequest request) {
		PlanVersion started = plans.startVersion(user, id, request == null ? null : request.startsOn());
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id + "/plan/versions/" + started.number()))
			.eTag(ETags.of(started.revision())).cacheControl(CacheControl.noStore())
			.body(VersionResponse.of(started, List.of()));
	}

	/** One version with every part and its author, and its signatures each checked against the content; ETag: its revision. */
	@GetMapping("/api/v1/residents/{id}/plan/versions/{number}")
	ResponseEntity<VersionResponse> version(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable int number) {
		PlanVersion version = plans.version(user, id, number);
		return tagged(ResponseEntity.ok(), VersionResponse.of(version, plans.signaturesOf(user, id, number)));
	}

	/** Rewrites the team's parts of a draft as a whole; needs If-Match with the revision read. */
	@PutMapping("/api/v1/residents/{id}/plan/versions/{number}")
	ResponseEntity<VersionResponse> revise(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable int number,
			@Parameter(required = true) @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody DraftRequest request) {
		int expected = ETags.requireVersion(ifMatch, "TreatmentPlanVersion");
		PlanVersion revised = plans.revise(user, id, number, expected, request.draft());
		return tagged(ResponseEntity.ok(), VersionResponse.of(revised, List.of()));
	}

	/** The resident adds a goal or a comment in their own words to a draft of their plan; 201 with the version. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/plan/versions/{number}/own-words")
	ResponseEntity<VersionResponse> addOwnWords(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable int number, @RequestBody OwnWordsRequest request) {
		PlanVersion version = plans.addOwnWords(user, id, number, request.kind(), request.text());
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id + "/plan/versions/" + number))
			.eTag(ETags.of(version.revision())).cacheControl(CacheControl.noStore())
			.body(VersionResponse.of(version, List.of()));
	}

	/** The resident rewrites one of their own goals or comments; needs If-Match with the version's revision. */
	@PutMapping("/api/v1/residents/{id}/plan/versions/{number}/own-words/{itemId}")
	ResponseEntity<VersionResponse> reviseOwnWords(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable int number, @PathVariable UUID itemId,
			@Parameter(required = true) @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody OwnWordsTextRequest request) {
		int expected = ETags.requireVersion(ifMatch, "TreatmentPlanVersion");
		PlanVersion version = plans.reviseOwnWords(user, id, number, itemId, expected, request.text());
		return tagged(ResponseEntity.ok(), VersionResponse.of(version, List.of()));
	}

	private static ResponseEntity<VersionResponse> tagged(ResponseEntity.BodyBuilder builder, VersionResponse body) {
		return builder.eTag(ETags.of(body.revision())).cacheControl(CacheControl.noStore()).body(body);
	}

	record NewVersionRequest(@Schema(description = "the day the version starts; the first version's default is today, "
			+ "a later one's the day the version before started") @Nullable LocalDate startsOn) {
	}

	record DraftRequest(@Schema(requiredMode = REQUIRED) LocalDate startsOn, @Nullable List<ItemRequest> items) {

		PlanDraft draft() {
			return new PlanDraft(startsOn, items == null ? List.of() : items.stream().map(i -> i == null ? null
					: new NewItem(i.id(), i.kind(), i.area(), i.text(), i.clinicalText(), i.measure(), i.targetDate(),
							i.responsible(), i.frequency(), i.criterion())).toList());
		}
	}

	record ItemRequest(@Schema(description = "a part the version has, to keep its author when unchanged") @Nullable UUID id,
			@Schema(requiredMode = REQUIRED) ItemKind kind,
			@Schema(description = "a problem's area: the code of one of the program's areas not retired "
					+ "(GET /api/v1/plan-settings; by default the six ASAM dimensions), or the area the part already had") @Nullable String area,
			@Schema(requiredMode = REQUIRED, maxLength = 2000, description = "the words of the part; for a problem, the resident's own") String text,
			@Schema(maxLength = 2000, description = "a problem in clinical words") @Nullable String clinicalText,
			@Schema(maxLength = 1000, description = "how an objective is measured (required for an objective)") @Nullable String measure,
			@Schema(description = "an objective's target date (required; not before the version starts)") @Nullable LocalDate targetDate,
			@Schema(maxLength = 200, description = "who carries out an intervention (required for one)") @Nullable String responsible,
			@Schema(maxLength = 200, description = "how often (required for an intervention)") @Nullable String frequency,
			@Schema(description = "an objective's link to one of the resident's level criteria still ahead: the level "
					+ "it leads to (2-4) and the criterion's key, as the resident's level scheme names it") @Nullable CriterionLink criterion) {
	}

	record OwnWordsRequest(@Schema(requiredMode = REQUIRED, description = "GOAL or COMMENT") ItemKind kind,
			@Schema(requiredMode = REQUIRED, maxLength = 2000) String text) {
	}

	record OwnWordsTextRequest(@Schema(requiredMode = REQUIRED, maxLength = 2000) String text) {
	}

	record PlanResponse(UUID planId, UUID residentId, int current, List<TreatmentPlan.Summary> versions) {
	}

	record ItemResponse(UUID id, ItemKind kind, @Nullable String area, String text, @Nullable String clinicalText,
			@Nullable String measure, @Nullable LocalDate targetDate, @Nullable String responsible,
			@Nullable String frequency, Author writtenBy, @Nullable CriterionLink criterion,
			@Schema(description = "the template the part came from; unchanged while it is still word for word the "
					+ "template's text (the clinician cannot sign then)") @Nullable FromTemplate fromTemplate) {

		static ItemResponse of(PlanItem i) {
			return new ItemResponse(i.id(), i.kind(), i.area(), i.text(), i.clinicalText(), i.measure(), i.targetDate(),
					i.responsible(), i.frequency(),
					new Author(i.authorAccountId(), i.authorName(), i.authorRole(), i.residentsWords()), i.criterion(),
					i.fromTemplate() == null ? null
							: new FromTemplate(i.fromTemplate().templateId(), i.fromTemplate().name(), i.fromTemplateUnchanged()));
		}
	}

	record FromTemplate(UUID templateId, String name, boolean unchanged) {
	}

	record Author(UUID accountId, String name, String role, boolean residentsOwnWords) {
	}

	record SignatureResponse(UUID id, String signerName, String signerRole, String meaning, String meaningText,
			boolean declined, @Nullable String declineReason, Instant signedAt, Verification.Status verification) {

		static SignatureResponse of(Verification v) {
			var s = v.signature();
			return new SignatureResponse(s.id(), s.signerName(), s.signerRole(), s.meaningCode(), s.meaningText(),
					s.declined(), s.declineReason(), s.signedAt(), v.status());
		}
	}

	record VersionResponse(UUID planId, UUID residentId, int number, PlanStatus status, LocalDate startsOn, int revision,
			String createdBy, Instant createdAt, boolean locked, boolean residentDeclined, @Nullable Instant inForceAt,
			List<ItemResponse> items,
			@Schema(description = "the SHA-256 of the version's content now, which a signature of it names", pattern = "^[0-9a-f]{64}$") String contentHash,
			List<SignatureResponse> signatures) {

		static VersionResponse of(PlanVersion v, List<Verification> signatures) {
			return new VersionResponse(v.planId(), v.residentId(), v.number(), v.status(), v.startsOn(), v.revision(),
					v.createdBy(), v.createdAt(), v.locked(), v.residentDeclined(), v.inForceAt(),
					v.items().stream().map(ItemResponse::of).toList(), TreatmentPlans.contentHash(v),
					signatures.stream().map(SignatureResponse::of).toList());
		}
	}
}
