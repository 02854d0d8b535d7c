package org.milieu.work.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.identity.MilieuUser;
import org.milieu.work.IncentiveAccount;
import org.milieu.work.IncentiveEntry;
import org.milieu.work.IncentiveItem;
import org.milieu.work.IncentiveRule;
import org.milieu.work.Incentives;
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

/** Incentives over JSON: a resident's points, awards and redemptions; the rules and the catalogue. */
@RestController
class IncentiveApi {

	private final Incentives incentives;

	IncentiveApi(Incentives incentives) {
		this.incentives = incentives;
	}

	/** A resident's points, this year's earnings against the cap, and their latest entries; a resident reads their own. */
	@GetMapping("/api/v1/residents/{id}/incentives")
	ResponseEntity<IncentiveAccount> account(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "50") int limit) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(incentives.account(user, id, limit));
	}

	/** Awards a rule to a resident (staff); over the yearly cap is refused. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/incentives")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<IncentiveEntry> award(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody AwardRequest request) {
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id + "/incentives"))
			.cacheControl(CacheControl.noStore()).body(incentives.award(user, id, request.ruleId(), request.note()));
	}

	/** Redeems points for an item or voucher of the catalogue (staff). */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/incentives/redemptions")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<IncentiveEntry> redeem(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody RedemptionRequest request) {
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id + "/incentives"))
			.cacheControl(CacheControl.noStore()).body(incentives.redeem(user, id, request.itemId(), request.note()));
	}

	/** Reverses one incentive entry with a reason. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/incentive-entries/{id}/reversal")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<IncentiveEntry> reverse(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody ReversalRequest request) {
		IncentiveEntry entry = incentives.reverse(user, id, request.reason());
		return ResponseEntity.created(URI.create("/api/v1/residents/" + entry.residentId() + "/incentives"))
			.cacheControl(CacheControl.noStore()).body(entry);
	}

	/** The program's earn rules: the same for every resident, so residents read them too. */
	@GetMapping("/api/v1/incentive-rules")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<List<IncentiveRule>> rules(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(incentives.rules(user.programId()));
	}

	/** Adds an earn rule; the director only. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/incentive-rules")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<IncentiveRule> addRule(@AuthenticationPrincipal MilieuUser user, @RequestBody RuleRequest request) {
		IncentiveRule rule = incentives.addRule(user, request.name(), request.description(),
				request.points() == null ? 0 : request.points());
		return ResponseEntity.created(URI.create("/api/v1/incentive-rules")).cacheControl(CacheControl.noStore()).body(rule);
	}

	/** The catalogue of items and vouchers, read by residents too. */
	@GetMapping("/api/v1/incentive-items")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<List<IncentiveItem>> items(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(incentives.items(user.programId()));
	}

	/** Adds an item or voucher (never cash); the director only. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/incentive-items")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<IncentiveItem> addItem(@AuthenticationPrincipal MilieuUser user, @RequestBody ItemRequest request) {
		IncentiveItem item = incentives.addItem(user, request.name(), request.kind(),
				request.points() == null ? 0 : request.points());
		return ResponseEntity.created(URI.create("/api/v1/incentive-items")).cacheControl(CacheControl.noStore()).body(item);
	}

	record AwardRequest(@Schema(requiredMode = REQUIRED) UUID ruleId, @Schema(maxLength = 2000) String note) {
	}

	record RedemptionRequest(@Schema(requiredMode = REQUIRED) UUID itemId, @Schema(maxLength = 2000) String note) {
	}

	record ReversalRequest(@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 2000) String reason) {
	}

	record RuleRequest(@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 120) String name, String description, @Schema(requiredMode = REQUIRED, minimum = "1") Integer points) {
	}

	record ItemRequest(@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 120) String name, @Schema(requiredMode = REQUIRED) IncentiveItem.Kind kind,
			@Schema(requiredMode = REQUIRED, minimum = "1") Integer points) {
	}
}
