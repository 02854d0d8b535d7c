package org.milieu.work.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.identity.MilieuUser;
import org.milieu.shared.RuleViolation;
import org.milieu.work.Completion;
import org.milieu.work.CompletionOutcome;
import org.milieu.work.Completions;
import org.milieu.work.MarkCompletion;
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

/** Completion of work over JSON: marking an occurrence for one person, staff verifying a coordinator's mark, the queue. */
@RestController
class CompletionApi {

	private final Completions completions;

	CompletionApi(Completions completions) {
		this.completions = completions;
	}

	/** Marks one occurrence of the assignment: staff (verified at once, earning the stipend) or a coordinator. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/job-assignments/{id}/completion")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<Completion> mark(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody MarkRequest request) {
		Completion completion = completions.mark(user, id, new MarkCompletion(request.date(),
				outcome(request.outcome()), request.quality(), request.minutes(), request.note()));
		return ResponseEntity.created(URI.create("/api/v1/job-completions/" + completion.id()))
			.cacheControl(CacheControl.noStore()).body(completion);
	}

	/** Staff verify a coordinator's mark; the stipend is earned now. */
	@PostMapping("/api/v1/job-completions/{id}/verification")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<Completion> verify(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(completions.verify(user, id));
	}

	/** Staff correct a verified completion with a reason; the stipend and the level evidence follow. */
	@PostMapping("/api/v1/job-completions/{id}/correction")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<Completion> correct(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody CorrectRequest request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(completions.correct(user, id, outcome(request.outcome()), request.minutes(), request.reason()));
	}

	/** The marks waiting for verification that this member of staff may see. */
	@GetMapping("/api/v1/job-completions")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<List<Completion>> queue(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(completions.awaitingVerification(user));
	}

	private static CompletionOutcome outcome(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return CompletionOutcome.valueOf(value.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new RuleViolation("completion.outcome.unknown", "outcome", value, Arrays.stream(CompletionOutcome.values())
				.map(String::valueOf).collect(Collectors.joining(", ")));
		}
	}

	record CorrectRequest(@Schema(requiredMode = REQUIRED, implementation = CompletionOutcome.class) String outcome,
			@Schema(minimum = "0", maximum = "1440") Integer minutes, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 2000) String reason) {
	}

	record MarkRequest(@Schema(requiredMode = REQUIRED) LocalDate date,
			@Schema(requiredMode = REQUIRED, implementation = CompletionOutcome.class) String outcome,
			@Schema(minimum = "1", maximum = "5") Integer quality, @Schema(minimum = "0", maximum = "1440") Integer minutes, @Schema(maxLength = 2000) String note) {
	}
}
