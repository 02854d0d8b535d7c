package org.milieu.sessions.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.ETags;
import org.milieu.sessions.GroupNote;
import org.milieu.sessions.GroupNotes;
import org.milieu.sessions.ObjectiveProgress;
import org.milieu.sessions.Participation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
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
 * The group note of an occurrence over JSON: read it (the shared part, every attendee with their
 * objectives in force and entry, who is still missing, the signature state and the content hash a
 * signature names), write the shared part, write one attendee's entry, add an addendum to a signed
 * note. Signing goes through the signature component's own endpoints (kind {@code group-note}, the
 * note's id, version 1). A copied observation is a 422 naming both residents; a change of a signed
 * note a 409. Saves are safe to retry with an {@code Idempotency-Key}.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
class GroupNoteApi {

	private static final java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	private static final String PATH = "/api/v1/sessions/{id}/occurrences/{date}/note";

	private final GroupNotes notes;

	GroupNoteApi(GroupNotes notes) {
		this.notes = notes;
	}

	/** The note of the occurrence (empty until something is saved); ETag: its revision. */
	@GetMapping(PATH)
	ResponseEntity<NoteResponse> note(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return ok(notes.note(user, id, date));
	}

	/** The shared part as a whole: topic, interventions used, materials (blank clears a field). */
	@PutMapping(PATH)
	ResponseEntity<NoteResponse> share(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestBody SharedRequest request) {
		return ok(notes.share(user, id, date, request.topic(), request.interventions(), request.materials()));
	}

	/** One attendee's entry as a whole; a draft may lack parts, signing needs them all. */
	@PutMapping(PATH + "/entries/{residentId}")
	ResponseEntity<NoteResponse> entry(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @PathVariable UUID residentId,
			@RequestBody EntryRequest request) {
		return ok(notes.writeEntry(user, id, date, residentId, request.draft()));
	}

	/** An addendum to a signed note; 201 with the note. */
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
	@PostMapping(PATH + "/addenda")
	ResponseEntity<NoteResponse> addendum(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestBody AddendumRequest request) {
		GroupNote note = notes.addAddendum(user, id, date, request.text());
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/sessions/" + id + "/occurrences/" + date + "/note"))
			.eTag(ETags.of(note.revision())).cacheControl(CacheControl.noStore()).body(NoteResponse.of(note));
	}

	private static ResponseEntity<NoteResponse> ok(GroupNote note) {
		return ResponseEntity.ok().eTag(ETags.of(note.revision())).cacheControl(CacheControl.noStore())
			.body(NoteResponse.of(note));
	}

	record SharedRequest(@Schema(maxLength = 300) @Nullable String topic,
			@Schema(maxLength = 2000) @Nullable String interventions, @Schema(maxLength = 1000) @Nullable String materials) {
	}

	record EntryRequest(
			@Schema(description = "the step on the scale: MINIMAL, PROMPTED, ACTIVE, LEADING or 1 to 4; none while a draft") @Nullable String participation,
			@Nullable List<ProgressRequest> progress,
			@Schema(maxLength = 1000, description = "what was seen of this resident; never the same or nearly the same as another attendee's, nor the shared part's") @Nullable String observation) {

		GroupNotes.EntryDraft draft() {
			return new GroupNotes.EntryDraft(participation, progress == null ? List.of()
					: progress.stream().map(p -> p == null ? null : new GroupNotes.ProgressDraft(p.objectiveId(), p.progress()))
						.toList(),
					observation);
		}
	}

	record ProgressRequest(@Schema(requiredMode = REQUIRED, description = "an OBJECTIVE of the resident's plan in force") UUID objectiveId,
			@Schema(requiredMode = REQUIRED, allowableValues = { "MET", "PROGRESSING", "NOT_PROGRESSING" }) String progress) {
	}

	record AddendumRequest(@Schema(requiredMode = REQUIRED, maxLength = 2000) String text) {
	}

	record ObjectiveResponse(UUID id, String text) {
	}

	record ProgressResponse(UUID objectiveId, String objectiveText, ObjectiveProgress progress) {
	}

	record EntryResponse(@Nullable Participation participation, List<ProgressResponse> progress,
			@Nullable String observation, String writtenBy, Instant writtenAt) {

		static @Nullable EntryResponse of(GroupNote.@Nullable Entry e) {
			return e == null ? null : new EntryResponse(e.participation(),
					e.progress().stream().map(p -> new ProgressResponse(p.objectiveId(), p.objectiveText(), p.progress()))
						.toList(), e.observation(), e.writtenBy(), e.writtenAt());
		}
	}

	record AttendeeResponse(UUID residentId, String name,
			@Schema(allowableValues = { "PRESENT", "LATE", "LEFT_EARLY" }) String attendance,
			List<ObjectiveResponse> objectives, @Nullable EntryResponse entry, boolean complete) {
	}

	record AddendumResponse(UUID id, String text, String author, Instant writtenAt) {
	}

	record NoteResponse(@Nullable UUID id, UUID sessionId, LocalDate occursOn, @Nullable String title,
			@Schema(description = "the start, local to the program's time zone", example = "2027-05-06T10:00:00") String start,
			@Schema(description = "the end, local to the program's time zone", example = "2027-05-06T11:00:00") String end,
			@Nullable String topic, @Nullable String interventions,
			@Nullable String materials, int revision, List<AttendeeResponse> attendees,
			@Schema(description = "the names of the attendees whose entry is missing or incomplete") List<String> missing,
			boolean signed, @Nullable Instant signedAt, @Nullable String signedBy,
			@Schema(description = "signed more than 24 hours after the occurrence ended") boolean late,
			@Schema(description = "the SHA-256 of the note's content now, which a signature names (kind group-note, version 1)", pattern = "^[0-9a-f]{64}$") @Nullable String contentHash,
			List<AddendumResponse> addenda) {

		static NoteResponse of(GroupNote n) {
			return new NoteResponse(n.id(), n.sessionId(), n.occursOn(), n.title(), LOCAL.format(n.start()), LOCAL.format(n.end()), n.topic(),
					n.interventions(), n.materials(), n.revision(),
					n.attendees().stream().map(a -> new AttendeeResponse(a.residentId(), a.name(), a.attendance(),
							a.objectives().stream().map(o -> new ObjectiveResponse(o.id(), o.text())).toList(),
							EntryResponse.of(a.entry()), a.complete())).toList(),
					n.missing().stream().map(GroupNote.Attendee::name).toList(), n.signed(), n.signedAt(), n.signedByName(),
					n.late(), n.id() == null ? null : GroupNotes.contentHash(n),
					n.addenda().stream().map(a -> new AddendumResponse(a.id(), a.text(), a.author(), a.writtenAt())).toList());
		}
	}
}
