package org.milieu.levels.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.rounds.DueCheck;
import org.milieu.levels.rounds.Frequency;
import org.milieu.levels.rounds.Handover;
import org.milieu.levels.rounds.NewObservation;
import org.milieu.levels.rounds.NewObservationOrder;
import org.milieu.levels.rounds.Observation;
import org.milieu.levels.rounds.ObservationOrder;
import org.milieu.levels.rounds.ObservationRounds;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Observation rounds over JSON: clinicians order and end observation; staff record checks (one, or
 * a house's batch) and one-to-one hand-overs; anyone on shift reads who is due. Input is checked
 * by {@link ObservationRounds} after the access policy, so a refused caller learns nothing from a
 * validation message; bad input is a 422 naming the field.
 */
@RestController
class RoundsApi {

	private final ObservationRounds rounds;

	RoundsApi(ObservationRounds rounds) {
		this.rounds = rounds;
	}

	/** Puts a resident on observation; 201 with the order. A missing reason is a 422 naming {@code reason}. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/observation-orders")
	ResponseEntity<ObservationOrder> order(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody OrderRequest request) {
		ObservationOrder order = rounds.order(user, id, new NewObservationOrder(request.frequency(), request.reason(),
				instant(request.startsAt()), instant(request.endsAt())));
		return ResponseEntity.created(URI.create("/api/v1/observation-orders/" + order.id()))
			.cacheControl(CacheControl.noStore()).body(order);
	}

	/** Ends an order early, with an optional reason; 200 with the ended order. */
	@PostMapping("/api/v1/observation-orders/{id}/end")
	ResponseEntity<ObservationOrder> end(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody(required = false) EndRequest request) {
		ObservationOrder order = rounds.endOrder(user, id, request == null ? null : request.reason());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(order);
	}

	/** Records one check of a resident on observation; 201 with the check. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/observations")
	ResponseEntity<Observation> observe(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody ObservationRequest request) {
		Observation observation = rounds.observe(user, id, request.command());
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(observation);
	}

	/** Records a house's checks in one call, all or nothing; 201 with how many were stored. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/houses/{id}/observations")
	ResponseEntity<Map<String, Integer>> observeAll(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody BatchRequest request) {
		List<NewObservation> checks = request.observations() == null ? null
				: request.observations().stream().map(o -> o == null ? null : o.command()).toList();
		int stored = rounds.observeAll(user, id, checks);
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(Map.of("stored", stored));
	}

	/** Who in the house is on observation, overdue first, within the caller's reach. */
	@GetMapping("/api/v1/houses/{id}/rounds")
	ResponseEntity<List<DueCheck>> rounds(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rounds.due(user, id));
	}

	/** Documents the hand-over of one-to-one observation to {@code toStaff}; 201 with the hand-over. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/observation-orders/{id}/handovers")
	ResponseEntity<Handover> handOver(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody HandoverRequest request) {
		Handover handover = rounds.handOver(user, id, request.toStaff(), request.note());
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(handover);
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

	record OrderRequest(@Schema(requiredMode = REQUIRED) Frequency frequency, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 2000) String reason, OffsetDateTime startsAt,
			OffsetDateTime endsAt) {
	}

	record EndRequest(@Schema(maxLength = 2000) String reason) {
	}

	record HandoverRequest(@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 120) String toStaff, @Schema(maxLength = 2000) String note) {
	}

	record BatchRequest(
			@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1, maxItems = ObservationRounds.MAX_BATCH)
			List<ObservationRequest> observations) {
	}

	record ObservationRequest(@Schema(description = "required in a batch; the path names the resident otherwise") UUID residentId,
			OffsetDateTime observedAt, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 120) String location, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 120) String activity,
			@Schema(maxLength = 500) String moodBehaviour, Boolean safetyConcern,
			@Schema(maxLength = 2000, description = "required when safetyConcern is true") String safetyNote) {

		NewObservation command() {
			return new NewObservation(residentId, instant(observedAt), location, activity, moodBehaviour,
					Boolean.TRUE.equals(safetyConcern), safetyNote);
		}
	}
}
