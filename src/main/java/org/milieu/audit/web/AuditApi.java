package org.milieu.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditChain;
import org.milieu.audit.AuditEvents;
import org.milieu.audit.AuditQuery;
import org.milieu.audit.AuditRecord;
import org.milieu.audit.AuditCheckpoint;
import org.milieu.audit.AuditCheckpoints;
import org.milieu.audit.ChainVerification;
import org.milieu.audit.CheckpointVerification;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.milieu.audit.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for the program director: search it and prove it is intact. */
@RestController
@RequestMapping("/api/v1")
@Validated
class AuditApi {

	private final AuditEvents events;

	private final AuditChain chain;

	private final CurrentActor actor;

	private final AuditCheckpoints checkpoints;

	AuditApi(AuditEvents events, AuditChain chain, CurrentActor actor, AuditCheckpoints checkpoints) {
		this.checkpoints = checkpoints;
		this.events = events;
		this.chain = chain;
		this.actor = actor;
	}

	@GetMapping("/audit-events")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<AuditPage> search(@RequestParam(required = false) UUID residentId,
			@RequestParam(required = false) UUID userId, @RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "50") @Min(1) @Max(AuditQuery.MAX_LIMIT) int limit) {
		Actor auditor = actor.get();
		List<AuditRecord> items = events.search(auditor,
				new AuditQuery(auditor.programId(), residentId, userId, null, action, from, to, before, limit, false));
		Long next = items.size() == limit ? items.get(items.size() - 1).id() : null;
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new AuditPage(items, next));
	}

	/** The whole chain verified: reads every row, so it may take longer than a request (at 1 million rows some 7 s). */
	@GetMapping("/audit/verification")
	@PreAuthorize("hasRole('ADMIN')")
	@org.milieu.platform.LongRunning
	ResponseEntity<ChainVerification> verify() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(chain.verify());
	}

	/**
	 * The chain verified from its latest signed checkpoint: the rows written since, only (a day's
	 * rows when the nightly checkpoint runs, but every row before the first checkpoint).
	 */
	@GetMapping("/audit/verification/since-checkpoint")
	@PreAuthorize("hasRole('ADMIN')")
	@org.milieu.platform.LongRunning
	ResponseEntity<CheckpointVerification> verifySinceCheckpoint() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(checkpoints.verifyFromLatest());
	}

	/**
	 * Takes a checkpoint at the chain's head now, after verifying the rows since the latest one.
	 * 409 when they do not verify (the verification says where). Long work: the first checkpoint
	 * verifies the whole trail.
	 */
	@PostMapping("/audit/checkpoints")
	@PreAuthorize("hasRole('ADMIN')")
	@org.milieu.platform.LongRunning
	@ResponseStatus(HttpStatus.CREATED)
	AuditCheckpoint checkpoint() {
		return checkpoints.take()
			.orElseThrow(() -> new org.milieu.shared.StateConflict("audit.checkpoint.broken"));
	}

	/** A page of audit rows, newest first; pass {@code next} as {@code before} for the following page. */
	record AuditPage(List<AuditRecord> items, @Nullable Long next) {
	}
}
