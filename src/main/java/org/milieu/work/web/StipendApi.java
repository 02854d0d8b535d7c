package org.milieu.work.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.identity.MilieuUser;
import org.milieu.shared.RuleViolation;
import org.milieu.work.NewPayout;
import org.milieu.work.PayoutBatch;
import org.milieu.work.PayoutMethod;
import org.milieu.work.StipendEntry;
import org.milieu.work.StipendKind;
import org.milieu.work.StipendLedger;
import org.milieu.work.StipendPayouts;
import org.milieu.work.StipendSettings;
import org.milieu.work.StipendSettingsStore;
import org.milieu.work.StipendStatement;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The stipend ledger over JSON: a resident's statement, bonuses and deductions, reversals, payout batches and the caps. */
@RestController
class StipendApi {

	private final StipendLedger ledger;

	private final StipendPayouts payouts;

	private final StipendSettingsStore settings;

	StipendApi(StipendLedger ledger, StipendPayouts payouts, StipendSettingsStore settings) {
		this.ledger = ledger;
		this.payouts = payouts;
		this.settings = settings;
	}

	/** The balance and entries, newest first, paged by {@code before} (a {@code seq}) and {@code limit}; a resident reads their own. */
	@GetMapping("/api/v1/residents/{id}/stipend")
	ResponseEntity<StatementResponse> statement(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(StatementResponse.of(ledger.statement(user, id, before, limit)));
	}

	/** A bonus (staff) or a deduction by an approved consequence (a clinician or the director). */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/stipend-entries")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<EntryResponse> record(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody EntryRequest request) {
		String currency = request.currency() != null ? request.currency() : settings.of(user.programId()).currency();
		long cents = request.amountCents() == null ? 0 : request.amountCents();
		StipendEntry entry;
		if (request.kind() == StipendKind.BONUS) {
			entry = ledger.bonus(user, id, cents, currency, request.reason());
		}
		else if (request.kind() == StipendKind.DEDUCTION) {
			entry = ledger.deduction(user, id, cents, currency, request.reason(), request.consequenceRef());
		}
		else {
			throw new RuleViolation("stipend.kind.manual", "kind");
		}
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id + "/stipend"))
			.cacheControl(CacheControl.noStore()).body(EntryResponse.of(entry));
	}

	/** Reverses one entry with a reason (never a reversal, never twice, never below zero). */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/stipend-entries/{id}/reversal")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<EntryResponse> reverse(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody ReversalRequest request) {
		StipendEntry entry = ledger.reverse(user, id, request.reason());
		return ResponseEntity.created(URI.create("/api/v1/residents/" + entry.residentId() + "/stipend"))
			.cacheControl(CacheControl.noStore()).body(EntryResponse.of(entry));
	}

	/** Pays out a batch, all or nothing, and returns it with its receipt number. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/stipend-payouts")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<PayoutBatch> payOut(@AuthenticationPrincipal MilieuUser user, @RequestBody PayoutRequest request) {
		List<NewPayout> lines = request.payouts() == null ? List.of()
				: request.payouts().stream()
					.map(l -> l == null ? null : new NewPayout(l.residentId(), l.amountCents() == null ? 0 : l.amountCents()))
					.toList();
		PayoutBatch batch = payouts.payOut(user, request.method(), lines);
		return ResponseEntity.created(URI.create("/api/v1/stipend-payouts/" + batch.id()))
			.cacheControl(CacheControl.noStore()).body(batch);
	}

	/** The program's latest payout batches, newest first (staff roles). */
	@GetMapping("/api/v1/stipend-payouts")
	ResponseEntity<List<PayoutBatch>> batches(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(defaultValue = "50") int limit) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(payouts.batches(user, limit));
	}

	/** One batch as its receipt. */
	@GetMapping("/api/v1/stipend-payouts/{id}")
	ResponseEntity<PayoutBatch> batch(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(payouts.receipt(user, id));
	}

	/** The program's caps, currency and point value (staff roles read them). */
	@GetMapping("/api/v1/stipend-settings")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<StipendSettings> settings(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(settings.of(user.programId()));
	}

	/** Changes the caps; the director only. */
	@PutMapping("/api/v1/stipend-settings")
	ResponseEntity<StipendSettings> updateSettings(@AuthenticationPrincipal MilieuUser user,
			@RequestBody StipendSettings request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(settings.update(user, request));
	}

	record EntryRequest(@Schema(requiredMode = REQUIRED, implementation = String.class, allowableValues = { "BONUS", "DEDUCTION" })
			StipendKind kind,
			@Schema(requiredMode = REQUIRED, minimum = "1") Long amountCents,
			@Schema(pattern = "^[A-Z]{3}$", description = "the program's currency when left out") String currency,
			@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 2000) String reason,
			@Schema(maxLength = 200, description = "required for a deduction: the consequence it carries out") String consequenceRef) {
	}

	record ReversalRequest(@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 2000) String reason) {
	}

	record PayoutRequest(@Schema(requiredMode = REQUIRED) PayoutMethod method,
			@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1, maxItems = 500) List<PayoutLineRequest> payouts) {
	}

	record PayoutLineRequest(@Schema(requiredMode = REQUIRED) UUID residentId, @Schema(requiredMode = REQUIRED, minimum = "1") Long amountCents) {
	}

	record StatementResponse(UUID residentId, long balanceCents, String currency, List<EntryResponse> entries,
			@Nullable Long nextBefore) {

		static StatementResponse of(StipendStatement s) {
			return new StatementResponse(s.residentId(), s.balanceCents(), s.currency(),
					s.entries().stream().map(EntryResponse::of).toList(), s.nextBefore());
		}
	}

	record EntryResponse(UUID id, UUID residentId, long seq, StipendKind kind, long amountCents, String currency,
			long balanceAfterCents, @Nullable String sourceType, @Nullable UUID sourceId, @Nullable String consequenceRef, @Nullable UUID reverses,
			@Nullable UUID reversedBy, @Nullable String reason, String recordedBy, Instant recordedAt) {

		static EntryResponse of(StipendEntry e) {
			return new EntryResponse(e.id(), e.residentId(), e.seq(), e.kind(), e.amountCents(), e.currency(),
					e.balanceAfterCents(), e.sourceType(), e.sourceId(), e.consequenceRef(), e.reverses(), e.reversedBy(),
					e.reason(), e.recordedBy(), e.recordedAt());
		}
	}
}
