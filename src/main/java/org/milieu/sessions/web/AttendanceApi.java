package org.milieu.sessions.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.milieu.identity.MilieuUser;
import org.milieu.sessions.AttendanceMark;
import org.milieu.sessions.AttendanceStatus;
import org.milieu.sessions.RollCall;
import org.milieu.sessions.SessionAttendance;
import org.milieu.shared.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An occurrence's roll call over JSON: the roll, and one resident's mark. */
@RestController
class AttendanceApi {

	private final SessionAttendance attendance;

	AttendanceApi(SessionAttendance attendance) {
		this.attendance = attendance;
	}

	/**
	 * The roll of the occurrence the session's rule gives on {@code date}: every expected attendee
	 * the reader may see, with their mark or none yet, then walk-ins. For the director, the session's
	 * facilitators and staff of its house.
	 */
	@GetMapping("/api/v1/sessions/{id}/occurrences/{date}/attendance")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<RollResponse> roll(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(RollResponse.of(attendance.roll(user, id, date)));
	}

	/**
	 * Marks one resident (the last mark stands). {@code walkIn} adds a resident of the program who is
	 * not expected; EXCUSED needs a {@code reason}. Refused, changing nothing: a cancelled or unknown
	 * occurrence or one more than a week ahead ({@code date}), anything but an excuse before the day
	 * ({@code status}).
	 */
	@PutMapping("/api/v1/sessions/{id}/occurrences/{date}/attendance/{residentId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<LineResponse> mark(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @PathVariable UUID residentId,
			@RequestBody MarkRequest request) {
		RollCall.Line line = attendance.mark(user, id, date, residentId, status(request.status()), request.reason(),
				Boolean.TRUE.equals(request.walkIn()));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(LineResponse.of(line));
	}

	static AttendanceStatus status(String value) {
		if (value == null || value.isBlank()) {
			throw new RuleViolation("attendance.field.required", "status");
		}
		try {
			return AttendanceStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new RuleViolation("attendance.status.unknown", "status", value);
		}
	}

	record MarkRequest(
			@Schema(requiredMode = REQUIRED, pattern = "\\S",
					description = "PRESENT, LATE, LEFT_EARLY, ABSENT or EXCUSED, in any case") String status,
			@Schema(maxLength = 500, description = "required when EXCUSED: the reason") String reason,
			@Schema(description = "true to add a resident of the program who is not expected") Boolean walkIn) {
	}

	record MarkResponse(String status, @Nullable String reason, boolean walkIn, String recordedBy, Instant recordedAt) {

		static @Nullable MarkResponse of(@Nullable AttendanceMark mark) {
			return mark == null ? null
					: new MarkResponse(mark.status().name(), mark.reason(), mark.walkIn(), mark.recordedByName(),
							mark.recordedAt());
		}
	}

	record LineResponse(UUID residentId, String name, boolean expected, @Nullable MarkResponse mark) {

		static LineResponse of(RollCall.Line line) {
			return new LineResponse(line.residentId(), line.name(), line.expected(), MarkResponse.of(line.mark()));
		}
	}

	record RollResponse(UUID sessionId, LocalDate occursOn, String title,
			@Schema(description = "the day it is held, after a move") LocalDate heldOn,
			@Schema(description = "the local start time in the program's time zone, HH:mm", example = "10:00") String startsAt,
			boolean cancelled,
			List<LineResponse> lines, long unmarked, int hidden) {

		static RollResponse of(RollCall roll) {
			return new RollResponse(roll.occurrence().sessionId(), roll.occurrence().occursOn(), roll.occurrence().title(),
					roll.occurrence().start().toLocalDate(), roll.occurrence().start().toLocalTime().toString(), roll.occurrence().cancelled(), roll.lines().stream().map(LineResponse::of).toList(), roll.unmarked(),
					roll.hidden());
		}
	}
}
