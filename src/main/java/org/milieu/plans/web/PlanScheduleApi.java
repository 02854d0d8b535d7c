package org.milieu.plans.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.PlanArea;
import org.milieu.plans.PlanAreas;
import org.milieu.plans.PlanDue;
import org.milieu.plans.PlanSchedules;
import org.milieu.plans.PlanSettings;
import org.milieu.plans.PlanTerms;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.Paging;
import org.milieu.shared.PageRequest;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What is due of the treatment plans, and the program's plan settings, over JSON: the list of current
 * residents with their plan's deadlines (the director and clinicians, within their reach), the
 * program's terms and problem areas (read by the director and clinicians, changed by the director),
 * and a resident's own review interval (their clinician). Bad input is a 422 naming the field.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT', 'FAMILY')")
class PlanScheduleApi {

	private final PlanSchedules schedules;

	private final PlanSettings settings;

	private final PlanAreas areas;

	PlanScheduleApi(PlanSchedules schedules, PlanSettings settings, PlanAreas areas) {
		this.schedules = schedules;
		this.settings = settings;
		this.areas = areas;
	}

	/** Every current resident in the reader's reach with what is due of their plan, overdue first; cursor paged. */
	@GetMapping("/api/v1/plans/due")
	ResponseEntity<CursorPage<DueResponse>> due(@AuthenticationPrincipal MilieuUser user, PageRequest page) {
		return Paging.ok(schedules.due(user, page).map(DueResponse::of));
	}

	/** The program's plan terms and its problem areas, retired ones too. */
	@GetMapping("/api/v1/plan-settings")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	ResponseEntity<SettingsResponse> settings(@AuthenticationPrincipal MilieuUser user) {
		UUID program = user.programId().value();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(SettingsResponse.of(settings.terms(program), areas.all(program)));
	}

	/** The director sets the program's terms (each 1 to 365 days). */
	@PutMapping("/api/v1/plan-settings")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<SettingsResponse> setTerms(@AuthenticationPrincipal MilieuUser user, @RequestBody TermsRequest request) {
		settings.set(user, request.initialPlanDays(), request.reviewIntervalDays());
		return settings(user);
	}

	/** The director adds a problem area; 201 with it. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/plan-settings/areas")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<PlanArea> addArea(@AuthenticationPrincipal MilieuUser user, @RequestBody AreaRequest request) {
		PlanArea added = areas.add(user, request.name());
		return ResponseEntity.created(URI.create("/api/v1/plan-settings/areas/" + added.code()))
			.cacheControl(CacheControl.noStore()).body(added);
	}

	/** The director renames an area (when {@code name} is given) and retires it or brings it back (when {@code retired} is). */
	@PutMapping("/api/v1/plan-settings/areas/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<PlanArea> changeArea(@AuthenticationPrincipal MilieuUser user, @PathVariable String code,
			@RequestBody AreaChangeRequest request) {
		PlanArea area = null;
		if (request.name() != null || request.retired() == null) {
			area = areas.rename(user, code, request.name());
		}
		if (request.retired() != null) {
			area = areas.retire(user, code, request.retired());
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(area);
	}

	/** The resident's clinician sets the resident's own review interval, or clears it with {@code days} null; a reason is required. */
	@PutMapping("/api/v1/residents/{id}/plan/review-interval")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT', 'FAMILY')")
	ResponseEntity<DueResponse> setReviewInterval(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody IntervalRequest request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(DueResponse.of(schedules.setReviewInterval(user, id, request.days(), request.reason())));
	}

	record TermsRequest(
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "365", description = "days from admission to the first plan in force") @Nullable Integer initialPlanDays,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "365", description = "days between reviews") @Nullable Integer reviewIntervalDays) {
	}

	record AreaRequest(@Schema(requiredMode = REQUIRED, maxLength = 200, description = "new to the program") @Nullable String name) {
	}

	record AreaChangeRequest(@Schema(maxLength = 200, description = "the area's new name, new to the program") @Nullable String name,
			@Schema(description = "true retires the area (no new problem is written in it), false brings it back") @Nullable Boolean retired) {
	}

	record IntervalRequest(
			@Schema(minimum = "1", maximum = "365", description = "the resident's own days between reviews; null: the program's") @Nullable Integer days,
			@Schema(requiredMode = REQUIRED, maxLength = 500, description = "why") @Nullable String reason) {
	}

	record SettingsResponse(int initialPlanDays, int reviewIntervalDays, int revision, List<PlanArea> areas) {

		static SettingsResponse of(PlanTerms terms, List<PlanArea> areas) {
			return new SettingsResponse(terms.initialPlanDays(), terms.reviewIntervalDays(), terms.revision(), areas);
		}
	}

	record DueResponse(@Schema(description = "the resident's id, which the list is keyed by") UUID id, UUID residentId, String residentName, UUID houseId, String houseName, LocalDate admittedOn,
			PlanDue.Status planStatus, @Nullable Integer version, PlanDue.@Nullable Due initialPlan,
			PlanDue.@Nullable Due review, List<PlanDue.Request> requests, int reviewIntervalDays, boolean ownInterval,
			String plan) {

		static DueResponse of(PlanDue d) {
			return new DueResponse(d.residentId(), d.residentId(), d.residentName(), d.houseId(), d.houseName(), d.admittedOn(),
					d.planStatus(), d.version(), d.initialPlan(), d.review(), d.requests(), d.reviewIntervalDays(),
					d.ownInterval(), "/api/v1/residents/" + d.residentId() + "/plan");
		}
	}
}
