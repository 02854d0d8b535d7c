package org.milieu.government.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.government.MeetingMinutes;
import org.milieu.government.Minutes;
import org.milieu.government.Motion;
import org.milieu.government.OverruleGround;
import org.milieu.identity.MilieuUser;
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
import org.springframework.web.bind.annotation.RestController;

/** A meeting's minutes over JSON: reading them, the secretary saving a revision, the chair approving them. */
@RestController
class MinutesApi {

	private final MeetingMinutes minutes;

	MinutesApi(MeetingMinutes minutes) {
		this.minutes = minutes;
	}

	/** The minutes: approved for anyone of the meeting, the draft for staff and the officers; 409 otherwise. */
	@GetMapping("/api/v1/meetings/{id}/minutes")
	ResponseEntity<MinutesResponse> read(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ok(MinutesResponse.of(minutes.read(user, id)));
	}

	/** Saves a revision of the text; {@code basedOn} is the revision it was written from (0: the generated draft). */
	@PutMapping("/api/v1/meetings/{id}/minutes")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<MinutesResponse> save(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody SaveRequest request) {
		return ok(MinutesResponse.of(minutes.save(user, id, request.text(), request.basedOn() == null ? -1 : request.basedOn())));
	}

	/** Approves the minutes at a later meeting of the same house now under way. */
	@PostMapping("/api/v1/meetings/{id}/minutes/approval")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<MinutesResponse> approve(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody ApproveRequest request) {
		return ok(MinutesResponse.of(minutes.approve(user, id, request.atMeetingId())));
	}

	private static <T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	record SaveRequest(@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 20000) String text,
			@Schema(requiredMode = REQUIRED, minimum = "0", description = "the revision this one follows (0 for the first)") Integer basedOn) {
	}

	record ApproveRequest(@Schema(requiredMode = REQUIRED) UUID atMeetingId) {
	}

	record OverruleResponse(UUID motionId, String motion, String by, Instant at, OverruleGround ground, String reason) {

		static OverruleResponse of(Motion m) {
			return new OverruleResponse(m.id(), m.text(), m.overrule().by(), m.overrule().at(), m.overrule().ground(),
					m.overrule().reason());
		}
	}

	record MinutesResponse(UUID meetingId, Minutes.MinutesStatus status, String text, int revision, @Nullable String savedBy,
			@Nullable Instant savedAt, @Nullable UUID approvedAtMeeting, @Nullable String approvedBy, @Nullable Instant approvedAt, List<OverruleResponse> overrules) {

		static MinutesResponse of(Minutes m) {
			return new MinutesResponse(m.meetingId(), m.status(), m.text(), m.revision(), m.savedBy(), m.savedAt(),
					m.approvedAtMeeting(), m.approvedBy(), m.approvedAt(), m.overrules().stream().map(OverruleResponse::of).toList());
		}
	}
}
