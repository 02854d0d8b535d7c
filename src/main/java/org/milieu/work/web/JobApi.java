package org.milieu.work.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.ETags;
import org.milieu.work.Job;
import org.milieu.work.JobClassification;
import org.milieu.work.JobTerms;
import org.milieu.work.Jobs;
import org.milieu.work.RateUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The job catalogue over JSON: read by everyone of the program but family (residents choose
 * from it), added to and changed by the director. Bad input is a 422 naming the field, and
 * nothing is stored. A PUT may carry If-Match with the version read; a newer one is a 412.
 */
@RestController
class JobApi {

	private final Jobs jobs;

	JobApi(Jobs jobs) {
		this.jobs = jobs;
	}

	/** The whole catalogue, active jobs first. */
	@GetMapping("/api/v1/jobs")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<List<JobResponse>> catalogue(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(jobs.list(user.programId()).stream().map(JobResponse::of).toList());
	}

	/** Adds a job; 201 with it. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/jobs")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<JobResponse> create(@AuthenticationPrincipal MilieuUser user, @RequestBody JobRequest request) {
		Job job = jobs.create(user, request.terms());
		return ResponseEntity.created(URI.create("/api/v1/jobs/" + job.id())).eTag(ETags.of(job.version()))
			.cacheControl(CacheControl.noStore()).body(JobResponse.of(job));
	}

	/** Changes a job's terms, all at once; 200 with it. */
	@PutMapping("/api/v1/jobs/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<JobResponse> update(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JobRequest request) {
		Integer expected = ifMatch == null || ifMatch.isBlank() ? null : ETags.requireVersion(ifMatch, "Job");
		Job job = jobs.update(user, id, expected, request.terms());
		return ResponseEntity.ok().eTag(ETags.of(job.version())).cacheControl(CacheControl.noStore())
			.body(JobResponse.of(job));
	}

	record JobRequest(UUID houseId, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 120) String name, @Schema(maxLength = 1000) String description,
			@ArraySchema(schema = @Schema(maxLength = 60)) List<String> skills, @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "4") Integer minLevel, Boolean senior,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "50") Integer crewSize,
			@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1,
					schema = @Schema(minimum = "1", maximum = "7", description = "1 Monday to 7 Sunday")) List<Integer> days,
			@Schema(requiredMode = REQUIRED) LocalTime startsAt, @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "1440") Integer expectedMinutes,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "1000000") Long rateCents, @Schema(requiredMode = REQUIRED) RateUnit rateUnit,
			@Schema(requiredMode = REQUIRED, pattern = "^\\s*[A-Z]{3}\\s*$") String currency, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 100) String supervisor,
			@Schema(requiredMode = REQUIRED) JobClassification classification, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 200) String beneficiary, Boolean active) {

		JobTerms terms() {
			return new JobTerms(houseId, name, description, skills, minLevel, senior, crewSize, days, startsAt,
					expectedMinutes, rateCents, rateUnit, currency, supervisor, classification, beneficiary, active);
		}
	}

	record JobResponse(UUID id, @Nullable UUID houseId, String name, @Nullable String description, List<String> skills, int minLevel,
			boolean senior, int crewSize, List<Integer> days, LocalTime startsAt, int expectedMinutes, long rateCents,
			RateUnit rateUnit, String currency, String supervisor, JobClassification classification, String beneficiary,
			boolean active, int version, String createdBy, Instant createdAt) {

		static JobResponse of(Job j) {
			return new JobResponse(j.id(), j.houseId(), j.name(), j.description(), j.skills(), j.minLevel(), j.senior(),
					j.crewSize(), j.days(), j.startsAt(), j.expectedMinutes(), j.rateCents(), j.rateUnit(), j.currency(),
					j.supervisor(), j.classification(), j.beneficiary(), j.active(), j.version(), j.createdBy(),
					j.createdAt());
		}
	}
}
