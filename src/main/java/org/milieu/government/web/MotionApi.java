package org.milieu.government.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.government.BallotReceipt;
import org.milieu.government.Ballots;
import org.milieu.government.Choice;
import org.milieu.government.HouseRule;
import org.milieu.government.HouseRules;
import org.milieu.government.Motion;
import org.milieu.government.MotionKind;
import org.milieu.government.MotionStatus;
import org.milieu.government.Motions;
import org.milieu.government.MoveMotion;
import org.milieu.government.Office;
import org.milieu.government.Officer;
import org.milieu.government.Officers;
import org.milieu.government.OverruleGround;
import org.milieu.government.PaperBallots;
import org.milieu.government.VoteResult;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.Paging;
import org.milieu.shared.PageRequest;
import org.milieu.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
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

/**
 * Motions, ballots and their results over JSON, with the officers in office and the house rules.
 * Every answer is {@code no-store}: a vote's state changes by the second.
 */
@RestController
class MotionApi {

	private final Motions motions;

	private final Ballots ballots;

	private final Officers officers;

	private final HouseRules rules;

	MotionApi(Motions motions, Ballots ballots, Officers officers, HouseRules rules) {
		this.motions = motions;
		this.ballots = ballots;
		this.officers = officers;
		this.rules = rules;
	}

	/** Moves a motion at an open meeting (a resident present), or calls an election (staff or the chair). */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/meetings/{id}/motions")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<MotionResponse> move(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody MotionRequest request) {
		Motion motion = motions.move(user, id, new MoveMotion(parse(MotionKind.class, request.kind(), "kind"),
				request.text(), request.secret(), request.agendaItemId(), request.ruleId(), request.ruleTitle(),
				request.ruleText(), parse(Office.class, request.office(), "office"), request.candidates()));
		return ResponseEntity.created(URI.create("/api/v1/motions/" + motion.id())).cacheControl(CacheControl.noStore())
			.body(MotionResponse.of(motion));
	}

	/**
	 * Motions across the program's meetings, latest moved first, a page at a time (see "Listings and
	 * paging"). Filters: {@code meetingId}, {@code status}, {@code from}/{@code to} (the day moved).
	 */
	@GetMapping("/api/v1/motions")
	ResponseEntity<org.milieu.platform.web.CursorPage<MotionResponse>> list(@AuthenticationPrincipal MilieuUser user,
			@org.springframework.web.bind.annotation.RequestParam(required = false) UUID meetingId,
			@org.springframework.web.bind.annotation.RequestParam(required = false) org.milieu.government.MotionStatus status,
			@org.springframework.web.bind.annotation.RequestParam(required = false) java.time.LocalDate from,
			@org.springframework.web.bind.annotation.RequestParam(required = false) java.time.LocalDate to,
			org.milieu.shared.PageRequest page) {
		return org.milieu.platform.web.Paging.ok(motions.list(user, meetingId, status, from, to, page)
			.map(MotionResponse::of));
	}

	/** A meeting's motions in the order they were moved. */
	@GetMapping("/api/v1/meetings/{id}/motions")
	ResponseEntity<List<MotionResponse>> ofMeeting(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ok(motions.ofMeeting(user, id).stream().map(MotionResponse::of).toList());
	}

	/** One motion: its state and turnout; its result only once closed. */
	@GetMapping("/api/v1/motions/{id}")
	ResponseEntity<MotionResponse> motion(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ok(MotionResponse.of(motions.read(user, id)));
	}

	/** Seconds the motion as the signed-in resident, which opens its vote. */
	@PostMapping("/api/v1/motions/{id}/second")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<MotionResponse> second(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ok(MotionResponse.of(motions.second(user, id)));
	}

	/** Casts the signed-in resident's ballot; the answer holds the receipt code, shown this once. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/motions/{id}/ballots")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<BallotReceipt> cast(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody BallotRequest request) {
		BallotReceipt receipt = ballots.cast(user, id, parse(Choice.class, request.choice(), "choice"),
				request.candidateId());
		return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(receipt);
	}

	/** Staff enter the counts of paper ballots, naming who voted on paper. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/motions/{id}/paper-ballots")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<Map<String, Integer>> paper(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody PaperRequest request) {
		int counted = ballots.paper(user, id, new PaperBallots(request.voters(), value(request.yes()),
				value(request.no()), value(request.abstain()), request.candidates()));
		return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(Map.of("counted", counted));
	}

	/** Whether the ballot with this receipt code is in the count (its choice once the vote has closed). */
	@PostMapping("/api/v1/motions/{id}/receipt-check")
	ResponseEntity<Ballots.ReceiptCheck> check(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody ReceiptRequest request) {
		return ok(ballots.check(user, id, request.code()));
	}

	/** Closes the vote (staff or the chair) and counts it. */
	@PostMapping("/api/v1/motions/{id}/close")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<MotionResponse> close(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ok(MotionResponse.of(motions.close(user, id)));
	}

	/** The result of a closed vote; 409 while it is open. */
	@GetMapping("/api/v1/motions/{id}/result")
	ResponseEntity<ResultResponse> result(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ok(ResultResponse.of(motions.result(user, id)));
	}

	/** A clinician or the director overrules a carried motion, with the ground and a written reason. */
	@PostMapping("/api/v1/motions/{id}/overrule")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN')")
	ResponseEntity<MotionResponse> overrule(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody OverruleRequest request) {
		return ok(MotionResponse.of(motions.overrule(user, id, parse(OverruleGround.class, request.ground(), "ground"),
				request.reason())));
	}

	/** The officers in office today. */
	@GetMapping("/api/v1/officers")
	ResponseEntity<List<Officer>> officers(@AuthenticationPrincipal MilieuUser user) {
		return ok(officers.current(user));
	}

	/** The house rules in force, each with the vote that adopted its text. */
	@GetMapping("/api/v1/house-rules")
	ResponseEntity<List<HouseRule>> rules(@AuthenticationPrincipal MilieuUser user) {
		return ok(rules.inForce(user));
	}

	/**
	 * Every officer term, latest start first, a page at a time (see "Listings and paging"), to the same
	 * people as {@code GET /api/v1/officers}; each term shown audited. Filters: {@code houseId},
	 * {@code residentId}, {@code office} ({@code CHAIR}, {@code SECRETARY}), and {@code from}/{@code to}
	 * for the day the term starts (both included).
	 */
	@GetMapping("/api/v1/officer-terms")
	ResponseEntity<CursorPage<Officer>> terms(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) UUID houseId, @RequestParam(required = false) UUID residentId,
			@RequestParam(required = false) Office office, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, PageRequest page) {
		return Paging.ok(officers.terms(user, houseId, residentId, office, from, to, page));
	}

	/**
	 * The house rules in force by title, a page at a time (see "Listings and paging"), to the same
	 * people as {@code GET /api/v1/house-rules}. Filters: {@code houseId}, and {@code from}/{@code to} for
	 * the day the text in force was adopted (both included).
	 */
	@GetMapping("/api/v1/house-rule-records")
	ResponseEntity<CursorPage<HouseRule>> ruleRecords(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) UUID houseId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, PageRequest page) {
		return Paging.ok(rules.inForce(user, houseId, from, to, page));
	}

	private static <T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	private static int value(Integer n) {
		return n == null ? 0 : n;
	}

	/** An enum sent as text, so that an unknown value is a 422 naming the field. */
	static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new RuleViolation("motion.value.unknown", field, value,
					Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")));
		}
	}

	record MotionRequest(@Schema(requiredMode = REQUIRED, implementation = MotionKind.class) String kind,
			@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 2000) String text, Boolean secret, UUID agendaItemId,
			UUID ruleId, @Schema(maxLength = 200) String ruleTitle, @Schema(maxLength = 2000) String ruleText,
			@Schema(implementation = Office.class) String office, List<UUID> candidates) {
	}

	record BallotRequest(@Schema(implementation = Choice.class) String choice, UUID candidateId) {
	}

	record PaperRequest(@ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED), minItems = 1, uniqueItems = true) List<UUID> voters,
			@Schema(minimum = "0") Integer yes, @Schema(minimum = "0") Integer no, @Schema(minimum = "0") Integer abstain,
			Map<UUID, Integer> candidates) {
	}

	record ReceiptRequest(@Schema(requiredMode = REQUIRED, pattern = "^\\s*[A-Za-z2-9]{4}-[A-Za-z2-9]{4}\\s*$") String code) {
	}

	record OverruleRequest(@Schema(requiredMode = REQUIRED, implementation = OverruleGround.class) String ground,
			@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 4000) String reason) {
	}

	record MotionResponse(UUID id, UUID meetingId, @Nullable UUID agendaItemId, MotionKind kind, String text, boolean secret,
			@Nullable Office office, @Nullable UUID ruleId, @Nullable String ruleTitle, @Nullable String ruleText, String movedBy, @Nullable UUID movedByResident,
			Instant movedAt, @Nullable UUID secondedByResident, @Nullable Instant secondedAt, MotionStatus status, int ballotsCast,
			List<UUID> candidates, @Nullable Instant closedAt, @Nullable ResultResponse result, Motion.@Nullable Overrule overrule) {

		static MotionResponse of(Motion m) {
			return new MotionResponse(m.id(), m.meetingId(), m.agendaItemId(), m.kind(), m.text(), m.secret(), m.office(),
					m.ruleId(), m.ruleTitle(), m.ruleText(), m.movedBy(), m.movedByResident(), m.movedAt(),
					m.secondedByResident(), m.secondedAt(), m.status(), m.ballotsCast(), m.candidates(), m.closedAt(),
					m.result() == null ? null : ResultResponse.of(m.result()), m.overrule());
		}
	}

	record ResultResponse(int yes, int no, int abstain, Map<UUID, Integer> candidateVotes, int paper, String outcome,
			boolean carried, @Nullable UUID elected, List<VoteResult.NamedVote> votes) {

		static ResultResponse of(VoteResult r) {
			return new ResultResponse(r.yes(), r.no(), r.abstain(), r.candidateVotes(), r.paper(), r.outcome().name(),
					r.carried(), r.elected(), r.votes());
		}
	}
}
