package org.milieu.levels.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.facts.Fact;
import org.milieu.levels.facts.FactKind;
import org.milieu.levels.facts.ManualFacts;
import org.milieu.levels.reviews.Adjustment;
import org.milieu.levels.reviews.CriterionAdjustments;
import org.milieu.levels.reviews.CriterionResult;
import org.milieu.levels.reviews.Evidence;
import org.milieu.levels.reviews.LevelEvidence;
import org.milieu.levels.scheme.Criterion;
import org.milieu.levels.scheme.CriterionKind;
import org.milieu.levels.scheme.LevelScheme;
import org.milieu.levels.scheme.LevelSchemes;
import org.milieu.levels.scheme.SchemeLevel;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The level scheme, a resident's evidence, the facts recorded by hand and per-resident adjustments, over JSON. */
@RestController
class LevelApi {

	private final LevelSchemes schemes;

	private final LevelEvidence evidence;

	private final ManualFacts manual;

	private final CriterionAdjustments adjustments;

	private final CriterionText text;

	LevelApi(LevelSchemes schemes, LevelEvidence evidence, ManualFacts manual,
			CriterionAdjustments adjustments, CriterionText text) {
		this.schemes = schemes;
		this.evidence = evidence;
		this.manual = manual;
		this.adjustments = adjustments;
		this.text = text;
	}

	/** The scheme in force today: the four levels and their criteria (with days at the level below). */
	@GetMapping("/api/v1/level-scheme")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	SchemeResponse scheme(@AuthenticationPrincipal MilieuUser user) {
		return SchemeResponse.of(schemes.today(user.programId()), text, LocaleContextHolder.getLocale());
	}

	/** Every published version, newest first. */
	@GetMapping("/api/v1/level-scheme/versions")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	List<SchemeResponse> versions(@AuthenticationPrincipal MilieuUser user) {
		Locale locale = LocaleContextHolder.getLocale();
		return schemes.versions(user.programId()).stream().map(s -> SchemeResponse.of(s, text, locale)).toList();
	}

	/** Publishes a new version from a date (today or later); days-at-level entries are read from the levels' minimum days. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/level-scheme")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<SchemeResponse> publish(@AuthenticationPrincipal MilieuUser user,
			@Valid @RequestBody PublishRequest request) {
		LevelScheme published = schemes.publish(user, request.effectiveFrom(), request.note(), request.schemeLevels(),
				request.stepDownOnDestructiveBehaviour() == null || request.stepDownOnDestructiveBehaviour(),
				request.stepDownOnMajorIncident() == null || request.stepDownOnMajorIncident());
		return ResponseEntity.created(URI.create("/api/v1/level-scheme/versions"))
			.body(SchemeResponse.of(published, text, LocaleContextHolder.getLocale()));
	}

	/** A resident's level, since when, and every criterion for the next level as measured today. */
	@GetMapping("/api/v1/residents/{id}/level")
	ResponseEntity<EvidenceResponse> level(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		Evidence e = evidence.of(user, id);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(EvidenceResponse.of(e, text, LocaleContextHolder.getLocale()));
	}

	/** The entries behind one criterion of a resident's evidence. */
	@GetMapping("/api/v1/residents/{id}/level/criteria/{key}/entries")
	ResponseEntity<List<LevelEvidence.EvidenceEntry>> entries(@AuthenticationPrincipal MilieuUser user,
			@PathVariable UUID id, @PathVariable String key) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(evidence.entries(user, id, key));
	}

	/**
	 * Records a fact by hand (attendance, family contact, incident, work, acknowledgement). Refused
	 * (422 naming {@code kind} and the module) for a kind and day a module records.
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/level-facts")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<Fact> recordFact(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody FactRequest request) {
		Fact fact = manual.record(user, id, request.kind(), request.occurredOn(), request.outcome(), request.detail());
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id + "/level")).cacheControl(CacheControl.noStore())
			.body(fact);
	}

	/** A resident's criterion adjustments, active first. */
	@GetMapping("/api/v1/residents/{id}/criterion-adjustments")
	ResponseEntity<List<Adjustment>> adjustments(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(adjustments.of(user, id));
	}

	/** Adapts or waives one criterion for one resident, with a reason. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/criterion-adjustments")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	ResponseEntity<Adjustment> adjust(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody AdjustmentRequest request) {
		Adjustment made = adjustments.adjust(user, id, request.toLevel(), request.criterionKey(), request.kind(),
				request.windowDays(), request.threshold(), request.reason());
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id + "/criterion-adjustments"))
			.cacheControl(CacheControl.noStore()).body(made);
	}

	/** Ends an adjustment with a reason. */
	@PostMapping("/api/v1/criterion-adjustments/{id}/end")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	ResponseEntity<Adjustment> endAdjustment(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody ReasonRequest request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(adjustments.end(user, id, request.reason()));
	}

	record PublishRequest(@NotNull LocalDate effectiveFrom, @Size(max = 2000) String note,
			@NotNull @Size(min = 1, max = 10) List<@Valid @NotNull LevelRequest> levels,
			Boolean stepDownOnDestructiveBehaviour, Boolean stepDownOnMajorIncident) {

		List<SchemeLevel> schemeLevels() {
			return levels.stream().map(LevelRequest::level).toList();
		}
	}

	record LevelRequest(int number, @Size(max = 100) String name, @Size(max = 2000) String description,
			@Size(max = 2000) String focus, @Size(max = 2000) String responsibilities, int minimumDays,
			@Size(max = 40) List<@Valid @NotNull CriterionRequest> criteria) {

		SchemeLevel level() {
			List<Criterion> own = criteria == null ? List.of() : criteria.stream()
				.filter(c -> c.kind() != CriterionKind.DAYS_AT_LEVEL).map(CriterionRequest::criterion).toList();
			return new SchemeLevel(number, name, description, focus, responsibilities, minimumDays, own);
		}
	}

	record CriterionRequest(
			@Schema(requiredMode = REQUIRED, pattern = "^[a-z0-9][a-z0-9-]{0,39}$", description = "the criterion's key, unique in the scheme")
			String name, @Schema(requiredMode = REQUIRED) CriterionKind kind, Integer window, Double threshold,
			RatingDomain domain, Integer atLeast, Boolean waivable) {

		Criterion criterion() {
			return new Criterion(name, kind, window, threshold == null ? Double.NaN : threshold, domain, atLeast,
					waivable != null && waivable);
		}
	}

	record FactRequest(@Schema(requiredMode = REQUIRED) FactKind kind, @Schema(requiredMode = REQUIRED) LocalDate occurredOn,
			@Schema(requiredMode = REQUIRED, description = "one of the outcomes of the kind") String outcome,
			@Size(max = 2000) String detail) {
	}

	record AdjustmentRequest(@Schema(requiredMode = REQUIRED, minimum = "2", maximum = "4") int toLevel,
			@Schema(requiredMode = REQUIRED, description = "the key of a criterion of that level") String criterionKey,
			@Schema(requiredMode = REQUIRED) Adjustment.Kind kind, Integer windowDays, Double threshold, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 2000) String reason) {
	}

	record ReasonRequest(@Schema(requiredMode = REQUIRED, pattern = "\\S") String reason) {
	}

	record SchemeResponse(@Nullable UUID id, @Nullable LocalDate effectiveFrom, boolean builtIn, @Nullable String publishedBy, @Nullable String note,
			boolean stepDownOnDestructiveBehaviour, boolean stepDownOnMajorIncident, List<LevelResponse> levels) {

		static SchemeResponse of(LevelScheme s, CriterionText text, Locale locale) {
			List<LevelResponse> levels = new ArrayList<>();
			for (SchemeLevel level : s.levels()) {
				List<CriterionResponse> criteria = new ArrayList<>(
						level.criteria().stream().map(c -> CriterionResponse.of(c, text, locale)).toList());
				if (level.number() > 1 && s.level(level.number() - 1).minimumDays() > 0) {
					criteria.add(CriterionResponse.of(Criterion.of("days-at-level", CriterionKind.DAYS_AT_LEVEL, null,
							s.level(level.number() - 1).minimumDays()), text, locale));
				}
				levels.add(new LevelResponse(level.number(), text.levelName(level, locale),
						text.levelDescription(level, locale), text.levelFocus(level, locale),
						text.levelResponsibilities(level, locale), level.minimumDays(), criteria));
			}
			return new SchemeResponse(s.id(), s.effectiveFrom(), s.builtIn(), s.publishedBy(), s.note(),
					s.stepDownOnDestructiveBehaviour(), s.stepDownOnMajorIncident(), levels);
		}
	}

	record LevelResponse(int number, String name, String description, String focus, String responsibilities,
			int minimumDays, List<CriterionResponse> criteria) {
	}

	record CriterionResponse(String name, CriterionKind kind, String description, @Nullable Integer window, double threshold,
			@Nullable RatingDomain domain, @Nullable Integer atLeast, boolean waivable) {

		static CriterionResponse of(Criterion c, CriterionText text, Locale locale) {
			return new CriterionResponse(c.key(), c.kind(), text.describe(c, locale), c.windowDays(), c.threshold(),
					c.domain(), c.atLeast(), c.waivable());
		}
	}

	record EvidenceResponse(UUID residentId, int level, LocalDate since, long daysAtLevel, @Nullable Integer nextLevel,
			boolean allMet, @Nullable UUID schemeVersion, LocalDate measuredOn, List<ResultResponse> criteria) {

		static EvidenceResponse of(Evidence e, CriterionText text, Locale locale) {
			return new EvidenceResponse(e.residentId(), e.level().number(), e.since(), e.daysAtLevel(), e.nextLevel(),
					e.allMet(), e.schemeId(), e.measuredOn(),
					e.criteria().stream().map(r -> ResultResponse.of(r, text, locale)).toList());
		}
	}

	record ResultResponse(String name, CriterionKind kind, String description, boolean met, @Nullable Double value,
			double threshold, @Nullable Integer window, int basis, boolean adjusted, boolean waived, @Nullable String adjustmentReason) {

		static ResultResponse of(CriterionResult r, CriterionText text, Locale locale) {
			return new ResultResponse(r.key(), r.criterion().kind(), text.describe(r.criterion(), locale), r.met(), r.value(),
					r.criterion().threshold(), r.criterion().windowDays(), r.basis(), r.adjustment() != null, r.waived(),
					r.adjustment() == null ? null : r.adjustment().reason());
		}
	}
}
