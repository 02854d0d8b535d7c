package org.milieu.government.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.government.ActionItem;
import org.milieu.government.ActionItemStatus;
import org.milieu.government.ActionItems;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.Paging;
import org.milieu.shared.PageRequest;
import org.milieu.government.FollowUp;
import org.milieu.government.FollowUpStatus;
import org.milieu.government.FollowUps;
import org.milieu.government.ProblemFollowUp;
import org.milieu.government.RecordActionItem;
import org.milieu.government.RecordFollowUp;
import org.milieu.identity.MilieuUser;
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

/** Action items and the follow-up of problems over JSON: recording, listing, marking done. */
@RestController
class ActionItemApi {

	private final ActionItems actionItems;

	private final FollowUps followUps;

	ActionItemApi(ActionItems actionItems, FollowUps followUps) {
		this.actionItems = actionItems;
		this.followUps = followUps;
	}

	/** Records an action item for the meeting; its owner is a resident or a member of staff. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/meetings/{id}/action-items")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<ActionItemResponse> record(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody ActionItemRequest request) {
		ActionItem item = actionItems.record(user, id, new RecordActionItem(request.agendaItemId(), request.title(),
				request.description(), request.ownerResidentId(), request.ownerStaff(), request.dueOn()));
		return ResponseEntity.created(URI.create("/api/v1/action-items?status=open"))
			.cacheControl(CacheControl.noStore())
			.body(ActionItemResponse.of(item));
	}

	/**
	 * The action items, oldest due date first, a page at a time (see "Listings and paging"): the
	 * program's for staff (within their reach), a resident's own for a resident. Filters: {@code status}
	 * (open or done), {@code houseId} (the meeting's house), {@code residentId} (the owner), and
	 * {@code from}/{@code to} (dates, both included) for the due date.
	 */
	@GetMapping("/api/v1/action-items")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<CursorPage<ActionItemResponse>> list(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) String status, @RequestParam(required = false) UUID houseId,
			@RequestParam(required = false) UUID residentId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, PageRequest page) {
		return Paging.ok(actionItems.page(user, status(status), houseId, residentId, from, to, page)
			.map(ActionItemResponse::of));
	}

	/** Marks the item done, with an optional note. */
	@PostMapping("/api/v1/action-items/{id}/done")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<ActionItemResponse> done(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody(required = false) DoneRequest request) {
		ActionItem item = actionItems.markDone(user, id, request == null ? null : request.note());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ActionItemResponse.of(item));
	}

	/** Records a step of a problem's follow-up; answers with the whole history. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/agenda-items/{id}/follow-up")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<FollowUpResponse> recordFollowUp(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody FollowUpRequest request) {
		ProblemFollowUp problem = followUps.record(user, id,
				new RecordFollowUp(followUpStatus(request.status()), request.note(), request.dueOn()));
		return ResponseEntity.created(URI.create("/api/v1/agenda-items/" + id + "/follow-up"))
			.cacheControl(CacheControl.noStore())
			.body(FollowUpResponse.of(problem));
	}

	/** A problem's follow-up, oldest step first. */
	@GetMapping("/api/v1/agenda-items/{id}/follow-up")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<FollowUpResponse> followUp(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(FollowUpResponse.of(followUps.read(user, id)));
	}

	private static ActionItemStatus status(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "open" -> ActionItemStatus.OPEN;
			case "done" -> ActionItemStatus.DONE;
			default -> throw new RuleViolation("action.status.unknown", "status", value);
		};
	}

	private static FollowUpStatus followUpStatus(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return FollowUpStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new RuleViolation("follow-up.status.unknown", "status", value);
		}
	}

	/** The owner: {@code ownerResidentId} or {@code ownerStaff} (a username), exactly one. */
	record ActionItemRequest(UUID agendaItemId, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 200) String title,
			@Schema(maxLength = 4000) String description, UUID ownerResidentId, String ownerStaff,
			@Schema(requiredMode = REQUIRED) LocalDate dueOn) {
	}

	record DoneRequest(@Schema(maxLength = 2000) String note) {
	}

	record FollowUpRequest(
			@Schema(requiredMode = REQUIRED, pattern = "\\S",
					description = "RAISED, IN_PROGRESS, RESOLVED or DECLINED, in any case") String status,
			@Schema(maxLength = 2000, description = "required when DECLINED: the reason") String note, LocalDate dueOn) {
	}

	record ActionItemResponse(UUID id, UUID meetingId, String meetingTitle, @Nullable UUID agendaItemId, String title,
			@Nullable String description, @Nullable UUID ownerResidentId, @Nullable String ownerStaff, String ownerName, LocalDate dueOn,
			ActionItemStatus status, String createdBy, Instant createdAt, @Nullable String doneBy, @Nullable Instant doneAt, @Nullable String doneNote) {

		static ActionItemResponse of(ActionItem a) {
			return new ActionItemResponse(a.id(), a.meetingId(), a.meetingTitle(), a.agendaItemId(), a.title(),
					a.description(), a.ownerResident(), a.ownerStaff(), a.ownerName(), a.dueOn(), a.status(), a.createdBy(),
					a.createdAt(), a.doneBy(), a.doneAt(), a.doneNote());
		}
	}

	record FollowUpResponse(UUID agendaItemId, UUID meetingId, String title, FollowUpStatus status, @Nullable LocalDate dueOn,
			List<StepResponse> history) {

		static FollowUpResponse of(ProblemFollowUp p) {
			return new FollowUpResponse(p.agendaItemId(), p.meetingId(), p.title(), p.status(), p.dueOn(),
					p.history().stream().map(StepResponse::of).toList());
		}
	}

	record StepResponse(FollowUpStatus status, String note, @Nullable LocalDate dueOn, String recordedBy, Instant recordedAt) {

		static StepResponse of(FollowUp f) {
			return new StepResponse(f.status(), f.note(), f.dueOn(), f.recordedBy(), f.recordedAt());
		}
	}
}
