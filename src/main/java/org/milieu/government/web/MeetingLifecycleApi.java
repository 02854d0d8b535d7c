package org.milieu.government.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.government.GovernmentSettings;
import org.milieu.government.Meeting;
import org.milieu.government.MeetingAttendance;
import org.milieu.government.MeetingClosed;
import org.milieu.government.MeetingLifecycle;
import org.milieu.government.Meetings;
import org.milieu.government.Quorum;
import org.milieu.government.Settings;
import org.milieu.identity.MilieuUser;
import org.milieu.shared.RuleViolation;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running a meeting over JSON: who is present and the quorum, opening and closing it, the item
 * being taken, the secretary's notes, the order of the agenda; the program's government settings.
 */
@RestController
class MeetingLifecycleApi {

	private final MeetingAttendance attendance;

	private final GovernmentSettings settings;

	private final MeetingLifecycle lifecycle;

	private final Meetings meetings;

	MeetingLifecycleApi(MeetingAttendance attendance, GovernmentSettings settings, MeetingLifecycle lifecycle,
			Meetings meetings) {
		this.attendance = attendance;
		this.settings = settings;
		this.lifecycle = lifecycle;
		this.meetings = meetings;
	}

	/** Opens a scheduled meeting, from an hour before its start. */
	@PostMapping("/api/v1/meetings/{id}/open")
	ResponseEntity<MeetingApi.MeetingResponse> open(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return meeting(user, lifecycle.open(user, id));
	}

	/** Closes an open meeting; the items not reached are carried over to the next meeting. */
	@PostMapping("/api/v1/meetings/{id}/close")
	ResponseEntity<MeetingClosed> close(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(lifecycle.close(user, id));
	}

	/** Marks which item the open meeting is taking now. */
	@PostMapping("/api/v1/meetings/{id}/current-item")
	ResponseEntity<MeetingApi.MeetingResponse> currentItem(@AuthenticationPrincipal MilieuUser user,
			@PathVariable UUID id, @RequestBody CurrentItemRequest request) {
		return meeting(user, lifecycle.takeItem(user, id, request.itemId()));
	}

	/** The secretary's notes on an item, and whether it was discussed. */
	@PostMapping("/api/v1/agenda-items/{id}/notes")
	ResponseEntity<MeetingApi.ItemResponse> notes(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody NotesRequest request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(MeetingApi.ItemResponse.of(lifecycle.writeNotes(user, id, request.notes(), request.discussed())));
	}

	/** Puts the agenda in a new order: every item, each once. */
	@PutMapping("/api/v1/meetings/{id}/agenda-order")
	ResponseEntity<MeetingApi.MeetingResponse> order(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody OrderRequest request) {
		if (request.order() == null) {
			throw new RuleViolation("agenda.order.incomplete", "order");
		}
		return meeting(user, meetings.reorder(user, id, request.order()));
	}

	private ResponseEntity<MeetingApi.MeetingResponse> meeting(MilieuUser user, Meeting meeting) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(MeetingApi.MeetingResponse.of(meeting, List.copyOf(attendance.shown(user, meeting.id())),
					attendance.quorum(user.programId(), meeting.id())));
	}

	/**
	 * Replaces the roll call: the residents present and, when given, those excused (left out: the
	 * excused stay as they are). Answers with both lists and the quorum. Members on neither list are
	 * recorded absent when the meeting closes.
	 */
	@PostMapping("/api/v1/meetings/{id}/attendance")
	ResponseEntity<AttendanceResponse> attendance(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody AttendanceRequest request) {
		Set<UUID> present = attendance.record(user, id, request.present(), request.excused());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(new AttendanceResponse(id, List.copyOf(present), List.copyOf(attendance.excused(id)),
					attendance.quorum(user.programId(), id)));
	}

	/** The program's government settings (the defaults until the director changes them). */
	@GetMapping("/api/v1/meeting-settings")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<SettingsBody> settings(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(SettingsBody.of(settings.of(user.programId())));
	}

	/** Changes the program's government settings (the director). */
	@PutMapping("/api/v1/meeting-settings")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<SettingsBody> update(@AuthenticationPrincipal MilieuUser user, @RequestBody SettingsBody request) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(SettingsBody.of(settings.update(user, request.settings())));
	}

	record AttendanceRequest(@Schema(requiredMode = REQUIRED) List<UUID> present, List<UUID> excused) {
	}

	record CurrentItemRequest(@Schema(requiredMode = REQUIRED) UUID itemId) {
	}

	record NotesRequest(@Schema(maxLength = 4000) String notes, Boolean discussed) {
	}

	record OrderRequest(@Schema(requiredMode = REQUIRED) List<UUID> order) {
	}

	record AttendanceResponse(UUID meetingId, List<UUID> present, List<UUID> excused, Quorum quorum) {
	}

	/** Day and time as text (THURSDAY, 18:30), so that a bad one is refused naming the field (422). */
	record SettingsBody(
			@Schema(requiredMode = REQUIRED, pattern = "\\S", description = "MONDAY to SUNDAY, in any case") String meetingDay,
			@Schema(requiredMode = REQUIRED, pattern = TIME_OF_DAY, description = "a time of day, 18:30 or 18:30:00")
			String meetingTime, @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "100") Integer quorumPercent,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "52") Integer officerTermWeeks,
			@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "12") Integer officerTermLimit) {

		/** What {@code LocalTime.parse} reads (ISO 8601 hours and minutes, seconds and fraction optional). */
		static final String TIME_OF_DAY = "^\\s*([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?\\s*$";

		static SettingsBody of(Settings s) {
			return new SettingsBody(s.meetingDay().name(), s.meetingTime().toString(), s.quorumPercent(),
					s.officerTermWeeks(), s.officerTermLimit());
		}

		Settings settings() {
			return new Settings(day(), time(), number(quorumPercent, "quorumPercent"),
					number(officerTermWeeks, "officerTermWeeks"), number(officerTermLimit, "officerTermLimit"));
		}

		private DayOfWeek day() {
			if (meetingDay == null || meetingDay.isBlank()) {
				return null;
			}
			try {
				return DayOfWeek.valueOf(meetingDay.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				throw new RuleViolation("meeting.settings.day.unknown", "meetingDay", meetingDay);
			}
		}

		private LocalTime time() {
			if (meetingTime == null || meetingTime.isBlank()) {
				return null;
			}
			try {
				return LocalTime.parse(meetingTime.strip());
			}
			catch (DateTimeParseException unknown) {
				throw new RuleViolation("meeting.settings.time.unknown", "meetingTime", meetingTime);
			}
		}

		private static int number(Integer value, String field) {
			if (value == null) {
				throw new RuleViolation("meeting.settings.number.required", field);
			}
			return value;
		}
	}
}
