package org.milieu.government.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.government.AgendaItem;
import org.milieu.government.AgendaItemKind;
import org.milieu.government.AgendaItemStatus;
import org.milieu.government.Meeting;
import org.milieu.government.MeetingAttendance;
import org.milieu.government.MeetingKind;
import org.milieu.government.MeetingStatus;
import org.milieu.government.Meetings;
import org.milieu.government.Quorum;
import org.milieu.government.ScheduleMeeting;
import org.milieu.government.SubmitAgendaItem;
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

/** Community meetings over JSON: scheduling one, reading one with its agenda, and adding to the agenda. */
@RestController
class MeetingApi {

	private final Meetings meetings;

	private final MeetingAttendance attendance;

	MeetingApi(Meetings meetings, MeetingAttendance attendance) {
		this.meetings = meetings;
		this.attendance = attendance;
	}

	/** Schedules a meeting of one house, or of the whole program when {@code houseId} is left out. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/meetings")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<MeetingResponse> schedule(@AuthenticationPrincipal MilieuUser user,
			@Valid @RequestBody MeetingRequest request) {
		Meeting meeting = meetings.schedule(user,
				new ScheduleMeeting(request.houseId(), kind(MeetingKind.class, request.kind(), "meeting.kind.unknown"),
						request.title(), request.startsAt()));
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + meeting.id()))
			.cacheControl(CacheControl.noStore())
			.body(response(user, meeting));
	}

	/**
	 * The program's meetings, latest start first, a page at a time (see "Listings and paging"): all
	 * for staff; for a resident, their house's and the whole program's. Filters: {@code houseId},
	 * {@code status}, and {@code from}/{@code to} (dates, both included) for the day it starts.
	 */
	@GetMapping("/api/v1/meetings")
	ResponseEntity<CursorPage<MeetingSummary>> list(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) UUID houseId, @RequestParam(required = false) MeetingStatus status,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			PageRequest page) {
		return Paging.ok(meetings.list(user, houseId, status, from, to, page).map(MeetingSummary::of));
	}

	/** A meeting in a listing: without its agenda, which {@code GET /api/v1/meetings/{id}} gives. */
	record MeetingSummary(UUID id, @Nullable UUID houseId, MeetingKind kind, String title, Instant startsAt, MeetingStatus status,
			String createdBy, Instant createdAt) {

		static MeetingSummary of(Meeting m) {
			return new MeetingSummary(m.id(), m.houseId(), m.kind(), m.title(), m.startsAt(), m.status(), m.createdBy(),
					m.createdAt());
		}
	}

	/** One meeting with its agenda in order, who is present and the quorum. */
	@GetMapping("/api/v1/meetings/{id}")
	ResponseEntity<MeetingResponse> meeting(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(response(user, meetings.read(user, id)));
	}

	private MeetingResponse response(MilieuUser user, Meeting meeting) {
		return MeetingResponse.of(meeting, List.copyOf(attendance.shown(user, meeting.id())),
				attendance.quorum(user.programId(), meeting.id()));
	}

	/** Puts an item at the end of the meeting's agenda. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/meetings/{id}/agenda-items")
	ResponseEntity<ItemResponse> submit(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody ItemRequest request) {
		AgendaItem item = meetings.submit(user, id,
				new SubmitAgendaItem(kind(AgendaItemKind.class, request.kind(), "agenda.kind.unknown"), request.title(),
						request.description()));
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + id))
			.cacheControl(CacheControl.noStore())
			.body(ItemResponse.of(item));
	}

	/** The kind as text, so that an unknown one is refused naming the field (422), like a blank title. */
	record MeetingRequest(UUID houseId, @Schema(requiredMode = REQUIRED, implementation = MeetingKind.class) String kind,
			@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 200) String title, @Schema(requiredMode = REQUIRED) Instant startsAt) {
	}

	record ItemRequest(@Schema(requiredMode = REQUIRED, implementation = AgendaItemKind.class) String kind,
			@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 200) String title, @Size(max = 4000) String description) {
	}

	private static <E extends Enum<E>> E kind(Class<E> type, String value, String key) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new RuleViolation(key, "kind", value, java.util.Arrays.stream(type.getEnumConstants())
				.map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
		}
	}

	record MeetingResponse(UUID id, @Nullable UUID houseId, MeetingKind kind, String title, Instant startsAt, MeetingStatus status,
			String createdBy, Instant createdAt, List<ItemResponse> agenda, List<UUID> present, Quorum quorum,
			@Nullable UUID currentItemId) {

		static MeetingResponse of(Meeting m, List<UUID> present, Quorum quorum) {
			return new MeetingResponse(m.id(), m.houseId(), m.kind(), m.title(), m.startsAt(), m.status(), m.createdBy(),
					m.createdAt(), m.agenda().stream().map(ItemResponse::of).toList(), present, quorum, m.currentItemId());
		}
	}

	record ItemResponse(UUID id, UUID meetingId, AgendaItemKind kind, String title, @Nullable String description,
			String submittedBy, @Nullable UUID submittedByResident, int position, AgendaItemStatus status, Instant submittedAt,
			@Nullable String notes, @Nullable UUID carriedFrom) {

		static ItemResponse of(AgendaItem i) {
			return new ItemResponse(i.id(), i.meetingId(), i.kind(), i.title(), i.description(), i.submittedBy(),
					i.submittedByResident(), i.position(), i.status(), i.submittedAt(), i.notes(), i.carriedFrom());
		}
	}
}
