package org.milieu.sessions.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.ETags;
import org.milieu.platform.web.FieldError;
import org.milieu.platform.web.ProblemTypes;
import org.milieu.sessions.AttendeeKind;
import org.milieu.sessions.Facilitator;
import org.milieu.sessions.NewSession;
import org.milieu.sessions.Occurrence;
import org.milieu.sessions.Session;
import org.milieu.sessions.SessionCalendar;
import org.milieu.sessions.SessionException;
import org.milieu.sessions.SessionType;
import org.milieu.sessions.SessionTypeTerms;
import org.milieu.sessions.SessionTypes;
import org.milieu.sessions.Sessions;
import org.milieu.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar over JSON: the director's kinds of session, scheduling a session, reading it (with
 * its version as the entity tag), the occurrences of a range of days (at most 62; a longer range is a
 * 400 naming {@code to}), and cancelling or moving one occurrence or cancelling the series, each
 * change with {@code If-Match}. A double booking is a 422 naming who or what and when.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
class SessionApi {

	private final SessionTypes types;

	private final Sessions sessions;

	private final SessionCalendar calendar;

	private final MessageSource messages;

	SessionApi(SessionTypes types, Sessions sessions, SessionCalendar calendar, MessageSource messages) {
		this.types = types;
		this.sessions = sessions;
		this.calendar = calendar;
		this.messages = messages;
	}

	/** The program's kinds of session, retired ones too, in the director's order. */
	@GetMapping("/api/v1/session-types")
	ResponseEntity<List<TypeResponse>> types(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(types.all(user.programId()).stream().map(t -> TypeResponse.of(t, label(t))).toList());
	}

	/** The director adds a kind of their own; 201 with it and its revision as the entity tag. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/session-types")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<TypeResponse> addType(@AuthenticationPrincipal MilieuUser user, @RequestBody TypeRequest request) {
		SessionType added = types.add(user, request.terms());
		return ResponseEntity.created(URI.create("/api/v1/session-types/" + added.id())).eTag(ETags.of(added.revision()))
			.cacheControl(CacheControl.noStore()).body(TypeResponse.of(added, label(added)));
	}

	/** The director changes a kind's terms; {@code If-Match} carries the revision read. */
	@PutMapping("/api/v1/session-types/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<TypeResponse> changeType(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.Parameter(required = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody TypeRequest request) {
		int revision = ETags.requireVersion(ifMatch, "SessionType");
		SessionType before = types.find(user.programId(), id);
		if (before.revision() != revision) {
			throw new org.milieu.shared.VersionConflict("SessionType", revision, before.revision());
		}
		SessionType changed = types.change(user, id, request.terms(), revision);
		return ResponseEntity.ok().eTag(ETags.of(changed.revision())).cacheControl(CacheControl.noStore())
			.body(TypeResponse.of(changed, label(changed)));
	}

	/** The director retires a kind (or, with {@code retired} false, brings it back). */
	@PostMapping("/api/v1/session-types/{id}/retire")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<TypeResponse> retireType(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable RetireRequest request) {
		SessionType changed = types.retire(user, id, request == null || request.retired() == null || request.retired());
		return ResponseEntity.ok().eTag(ETags.of(changed.revision())).cacheControl(CacheControl.noStore())
			.body(TypeResponse.of(changed, label(changed)));
	}

	/** Schedules a session; 201 with it, its version as the entity tag. A double booking is a 422 naming it. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/sessions")
	ResponseEntity<SessionResponse> schedule(@AuthenticationPrincipal MilieuUser user, @RequestBody ScheduleRequest request) {
		Session session = sessions.schedule(user, request.command());
		return ResponseEntity.created(URI.create("/api/v1/sessions/" + session.id())).eTag(ETags.of(session.version()))
			.cacheControl(CacheControl.noStore()).body(SessionResponse.of(session));
	}

	/** One session with its facilitators, named residents and exceptions, within the reader's reach. */
	@GetMapping("/api/v1/sessions/{id}")
	ResponseEntity<SessionResponse> session(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		Session session = calendar.read(user, id);
		return ResponseEntity.ok().eTag(ETags.of(session.version())).cacheControl(CacheControl.noStore())
			.body(SessionResponse.of(session));
	}

	/** The occurrences from {@code from} to {@code to} (at most 62 days), of a house and/or a facilitator. */
	@GetMapping("/api/v1/sessions/occurrences")
	ResponseEntity<List<OccurrenceResponse>> occurrences(@AuthenticationPrincipal MilieuUser user,
			@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(required = false) @Nullable UUID houseId,
			@RequestParam(required = false) @Nullable UUID facilitatorId) {
		try {
			SessionCalendar.requireRange(from, to);
		}
		catch (RuleViolation bad) {
			throw badRequest(bad);
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(calendar.occurrences(user, from, to, houseId, facilitatorId).stream().map(OccurrenceResponse::of).toList());
	}

	/** Cancels one occurrence (named by the date its rule gives it), with a reason. */
	@PostMapping("/api/v1/sessions/{id}/occurrences/{date}/cancel")
	ResponseEntity<SessionResponse> cancelOccurrence(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable LocalDate date, @io.swagger.v3.oas.annotations.Parameter(required = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody ReasonRequest request) {
		int version = ETags.requireVersion(ifMatch, "Session");
		return changed(sessions.cancelOccurrence(user, id, date, request.reason(), version));
	}

	/** Moves one occurrence to another day, time or room; a double booking there is a 422 naming it. */
	@PostMapping("/api/v1/sessions/{id}/occurrences/{date}/move")
	ResponseEntity<SessionResponse> moveOccurrence(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable LocalDate date, @io.swagger.v3.oas.annotations.Parameter(required = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody MoveRequest request) {
		int version = ETags.requireVersion(ifMatch, "Session");
		return changed(sessions.moveOccurrence(user, id, date, request.movedOn(), request.movedAt(), request.room(),
				request.reason(), version));
	}

	/** Cancels the whole series, with a reason. */
	@PostMapping("/api/v1/sessions/{id}/cancel")
	ResponseEntity<SessionResponse> cancel(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.Parameter(required = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody ReasonRequest request) {
		int version = ETags.requireVersion(ifMatch, "Session");
		return changed(sessions.cancel(user, id, request.reason(), version));
	}

	private static ResponseEntity<SessionResponse> changed(Session session) {
		return ResponseEntity.ok().eTag(ETags.of(session.version())).cacheControl(CacheControl.noStore())
			.body(SessionResponse.of(session));
	}

	private String label(SessionType type) {
		return type.name() != null ? type.name()
				: messages.getMessage("session.type." + type.code(), null, type.code(), LocaleContextHolder.getLocale());
	}

	private ErrorResponseException badRequest(RuleViolation bad) {
		Locale locale = LocaleContextHolder.getLocale();
		String message = messages.getMessage(bad.code(), bad.arguments(), bad.code(), locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
		problem.setType(ProblemTypes.MALFORMED_REQUEST);
		problem.setTitle(messages.getMessage("problem.title.400", null, "Bad request", locale));
		problem.setProperty("errors", List.of(new FieldError(bad.field(), message)));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	record TypeRequest(@Schema(maxLength = 120, description = "required for a kind of the director's own") @Nullable String name,
			@Schema(minimum = "5", maximum = "480") @Nullable Integer durationMinutes,
			@Schema(description = "roles that may facilitate: ADMIN, CLINICIAN, STAFF") @Nullable List<String> facilitatorRoles,
			@Schema(minimum = "1", maximum = "9") @Nullable Integer minimumLevel,
			@Nullable List<Integer> mandatoryLevels, @Nullable Boolean family) {

		SessionTypeTerms terms() {
			return new SessionTypeTerms(name, durationMinutes, facilitatorRoles, minimumLevel, mandatoryLevels, family);
		}
	}

	record RetireRequest(@Schema(description = "true (the default) retires, false brings back") @Nullable Boolean retired) {
	}

	record TypeResponse(UUID id, @Nullable String code, @Nullable String name, String label, int durationMinutes,
			List<String> facilitatorRoles, @Nullable Integer minimumLevel, List<Integer> mandatoryLevels, boolean family,
			boolean retired, int revision) {

		static TypeResponse of(SessionType t, String label) {
			return new TypeResponse(t.id(), t.code(), t.name(), label, t.durationMinutes(),
					t.facilitatorRoles().stream().map(Enum::name).toList(), t.minimumLevel(), t.mandatoryLevels(), t.family(),
					t.retired(), t.revision());
		}
	}

	record ScheduleRequest(@Nullable UUID typeId, @Schema(maxLength = 200) @Nullable String title,
			@Schema(description = "the house it belongs to; null for the whole program") @Nullable UUID houseId,
			@Schema(maxLength = 120) @Nullable String room, @Nullable LocalDate firstOn,
			@Schema(type = "string", format = "time", example = "10:00") @Nullable LocalTime startsAt,
			@Schema(minimum = "5", maximum = "480", description = "the kind's when null") @Nullable Integer durationMinutes,
			@Schema(maxLength = 500, description = "RFC 5545 RRULE value, e.g. FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10; null for a one-off") @Nullable String rrule,
			@Nullable AttendeeKind attendeeKind, @Nullable UUID attendeeHouseId, @Nullable UUID attendeeGroupId,
			@Nullable List<UUID> residents, @Schema(description = "staff accounts; the scheduler when empty") @Nullable List<UUID> facilitators) {

		NewSession command() {
			return new NewSession(typeId, title, houseId, room, firstOn, startsAt, durationMinutes, rrule, attendeeKind,
					attendeeHouseId, attendeeGroupId, residents, facilitators);
		}
	}

	record ReasonRequest(@Schema(maxLength = 500) @Nullable String reason) {
	}

	record MoveRequest(@Nullable LocalDate movedOn, @Schema(type = "string", format = "time", example = "14:00") @Nullable LocalTime movedAt,
			@Schema(maxLength = 120) @Nullable String room, @Schema(maxLength = 500) @Nullable String reason) {
	}

	record ExceptionResponse(LocalDate occursOn, SessionException.Kind kind, @Nullable LocalDate movedOn,
			@Nullable LocalTime movedAt, @Nullable String room, @Nullable String reason) {
	}

	record SessionResponse(UUID id, UUID typeId, String title, @Nullable UUID houseId, @Nullable String room, LocalDate firstOn,
			LocalTime startsAt, int durationMinutes, @Nullable String rrule, @Nullable LocalDate lastOn, AttendeeKind attendeeKind,
			@Nullable UUID attendeeHouseId, @Nullable UUID attendeeGroupId, List<Facilitator> facilitators, List<UUID> residents,
			List<ExceptionResponse> exceptions, boolean cancelled, int version) {

		static SessionResponse of(Session s) {
			return new SessionResponse(s.id(), s.typeId(), s.title(), s.houseId(), s.room(), s.firstOn(), s.startsAt(),
					s.durationMinutes(), s.rrule(), s.lastOn(), s.attendeeKind(), s.attendeeHouseId(), s.attendeeGroupId(),
					s.facilitators(), s.residents(), s.exceptions().stream().map(e -> new ExceptionResponse(e.occursOn(),
							e.kind(), e.movedOn(), e.movedAt(), e.room(), e.reason())).toList(),
					s.cancelled(), s.version());
		}
	}

	record OccurrenceResponse(UUID sessionId,
			@Schema(description = "the date the rule gives the occurrence: with the session, its name (kept when moved)") LocalDate occursOn,
			@Schema(description = "the day it takes place, after a move") LocalDate day,
			@Schema(type = "string", example = "10:00", description = "local start in the program's time zone") LocalTime startsAt,
			@Schema(type = "string", example = "11:00", description = "local end, the same day") LocalTime endsAt, UUID typeId,
			String title, @Nullable UUID houseId, @Nullable String room, AttendeeKind attendeeKind, List<Facilitator> facilitators,
			boolean recurring, boolean cancelled, String session) {

		static OccurrenceResponse of(Occurrence o) {
			return new OccurrenceResponse(o.sessionId(), o.occursOn(), o.start().toLocalDate(), o.start().toLocalTime(),
					o.end().toLocalTime(), o.typeId(), o.title(), o.houseId(),
					o.room(), o.attendeeKind(), o.facilitators(), o.recurring(), o.cancelled(), "/api/v1/sessions/" + o.sessionId());
		}
	}
}
