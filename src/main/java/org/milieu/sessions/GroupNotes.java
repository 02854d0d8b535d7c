package org.milieu.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.TextInput;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group notes, one per occurrence: the shared part written once (topic, interventions used,
 * materials) and an individual entry for every resident who attended (participation on a four-step
 * scale, progress on the objectives of their plan in force, a short observation of their own). Only
 * the session's facilitators and the program's clinicians write, and only for residents the access
 * policy lets them write clinical notes about; every read and change is audited.
 *
 * <p>Copying is refused, naming whom: an observation the same or nearly the same as another
 * attendee's, or taken from the shared part ({@link CopiedText} says how "nearly" is measured).
 * A note is written only once its occurrence has begun (at its moved time when moved).
 * A note is signed through the signature component once every attendee has a complete entry; a
 * signature more than {@value #LATE_AFTER_HOURS} hours after the occurrence ended marks it late; a
 * signed note never changes, and addenda are added to it.
 */
@Service
public class GroupNotes {

	static final DataCategory CATEGORY = DataCategory.CLINICAL_NOTES;

	static final int LATE_AFTER_HOURS = 24;

	static final int TOPIC_MAX = 300;

	static final int INTERVENTIONS_MAX = 2000;

	static final int MATERIALS_MAX = 1000;

	static final int OBSERVATION_MAX = 1000;

	static final int ADDENDUM_MAX = 2000;

	static final String RESOURCE = "GroupNote";

	private static final TextInput TEXT = new TextInput("group-note");

	private final GroupNoteRows rows;

	private final Occurrences occurrences;

	private final AccessPolicy policy;

	private final Census census;

	private final AuditTrail trail;

	private final Programs programs;

	private final Clock clock;

	GroupNotes(GroupNoteRows rows, Occurrences occurrences, AccessPolicy policy, Census census, AuditTrail trail,
			Programs programs, Clock clock) {
		this.rows = rows;
		this.occurrences = occurrences;
		this.policy = policy;
		this.census = census;
		this.trail = trail;
		this.programs = programs;
		this.clock = clock;
	}

	/** What one resident's entry says: participation, progress by objective, the observation. */
	public record EntryDraft(String participation, List<ProgressDraft> progress, String observation) {
	}

	/** Progress on one objective, as typed: the objective's id and MET, PROGRESSING or NOT_PROGRESSING. */
	public record ProgressDraft(UUID objectiveId, String progress) {
	}

	/** The note of the occurrence (an empty one until something is saved); the reader must be a writer of it. */
	@Transactional
	public GroupNote note(MilieuUser reader, UUID sessionId, LocalDate occursOn) {
		Occurrence occurrence = occurrence(reader, sessionId, occursOn);
		GroupNote note = assemble(reader.programId(), occurrence);
		requireWriter(reader, occurrence, note, AccessAction.READ);
		Reach reach = policy.reach(reader, AccessAction.READ, CATEGORY);
		policy.recordListed(reader, CATEGORY, RESOURCE, reach, scopes(reader.programId(), note));
		return note;
	}

	/**
	 * Writes the shared part as a whole; refused when an entry would then read as copied from it, and
	 * before the occurrence has begun ({@code occursOn}).
	 */
	@Transactional
	public GroupNote share(MilieuUser writer, UUID sessionId, LocalDate occursOn, String topic, String interventions,
			String materials) {
		Occurrence occurrence = occurrence(writer, sessionId, occursOn);
		refuseBeforeStart(writer.programId(), occurrence);
		GroupNoteRows.NoteRow row = open(writer, occurrence);
		GroupNote before = assemble(writer.programId(), occurrence);
		requireWriter(writer, occurrence, before, AccessAction.WRITE);
		refuseSigned(before);
		String t = TEXT.optional(topic, "topic", TOPIC_MAX);
		String i = TEXT.optional(interventions, "interventions", INTERVENTIONS_MAX);
		String m = TEXT.optional(materials, "materials", MATERIALS_MAX);
		for (GroupNote.Attendee a : before.attendees()) {
			if (a.entry() != null && a.entry().observation() != null) {
				refuseTakenFromShared(a.entry().observation(), a.name(), t, i, m, true);
			}
		}
		rows.share(row.id(), t, i, m, clock.instant());
		trail.record(AuditEntry.of(writer.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS).on(RESOURCE, row.id())
			.saying("shared part of the group note of " + occursOn));
		return assemble(writer.programId(), occurrence);
	}

	/**
	 * Writes one attendee's entry as a whole (a draft may still lack parts; signing needs them all).
	 * Refused, changing nothing: a resident who did not attend ({@code residentId}), an unknown scale
	 * step ({@code participation}), an objective not of the plan in force or an unknown progress
	 * ({@code progress}), an observation too long, the same or nearly the same as another attendee's
	 * (naming both residents), or taken from the shared part ({@code observation}); and anything before
	 * the occurrence has begun ({@code occursOn}).
	 */
	@Transactional
	public GroupNote writeEntry(MilieuUser writer, UUID sessionId, LocalDate occursOn, UUID residentId, EntryDraft draft) {
		Occurrence occurrence = occurrence(writer, sessionId, occursOn);
		refuseBeforeStart(writer.programId(), occurrence);
		GroupNoteRows.NoteRow row = open(writer, occurrence);
		GroupNote before = assemble(writer.programId(), occurrence);
		requireWriter(writer, occurrence, before, null);
		refuseSigned(before);
		GroupNote.Attendee attendee = before.attendees().stream().filter(a -> a.residentId().equals(residentId)).findFirst()
			.orElseThrow(() -> new RuleViolation("group-note.resident.not-attending", "residentId"));
		policy.enforce(writer, AuditAction.UPDATE, CATEGORY, scope(writer.programId(), residentId), RESOURCE, row.id());
		EntryDraft given = draft == null ? new EntryDraft(null, List.of(), null) : draft;
		Participation participation = participation(given.participation());
		List<GroupNote.Progress> progress = progress(attendee, given.progress());
		String observation = TEXT.optional(given.observation(), "observation", OBSERVATION_MAX);
		if (observation != null) {
			for (GroupNote.Attendee other : before.attendees()) {
				if (!other.residentId().equals(residentId) && other.entry() != null && other.entry().observation() != null
						&& CopiedText.copied(observation, other.entry().observation())) {
					throw new RuleViolation("group-note.observation.copied", "observation", attendee.name(), other.name());
				}
			}
			refuseTakenFromShared(observation, attendee.name(), before.topic(), before.interventions(), before.materials(),
					false);
		}
		rows.writeEntry(row.id(), writer.programId().value(), new GroupNote.Entry(residentId, attendee.name(), participation,
				progress, observation, writer.displayName(), clock.instant()), writer.accountId());
		rows.touch(row.id(), clock.instant());
		return assemble(writer.programId(), occurrence);
	}

	/** Adds an addendum to a signed note (before signing the note itself is changed). */
	@Transactional
	public GroupNote addAddendum(MilieuUser writer, UUID sessionId, LocalDate occursOn, String text) {
		Occurrence occurrence = occurrence(writer, sessionId, occursOn);
		GroupNote note = assemble(writer.programId(), occurrence);
		requireWriter(writer, occurrence, note, AccessAction.WRITE);
		if (!note.signed()) {
			throw new StateConflict("group-note.addendum.unsigned");
		}
		String words = TEXT.required(text, "text", ADDENDUM_MAX);
		rows.addAddendum(note.id(), writer.programId().value(), words, writer.accountId(), writer.displayName(),
				clock.instant());
		trail.record(AuditEntry.of(writer.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS).on(RESOURCE, note.id())
			.saying("addendum to the signed group note of " + occursOn));
		return assemble(writer.programId(), occurrence);
	}

	/**
	 * The resident's entries in signed notes between two dates, newest first; the reader must be allowed
	 * to read the resident's clinical notes, and the read is audited.
	 */
	@Transactional
	public List<SignedEntry> signedEntriesOf(MilieuUser reader, UUID residentId, LocalDate from, LocalDate to) {
		policy.enforce(reader, AuditAction.READ, CATEGORY, scope(reader.programId(), residentId), RESOURCE, null);
		return rows.signedEntriesOf(reader.programId().value(), residentId, from, to);
	}

	/** The SHA-256 of the note's content as it is now: what a signature of it names (the page shows it too). */
	public static String contentHash(GroupNote note) {
		return org.milieu.signatures.SignableDocument.hashOfText(GroupNoteDocuments.content(note));
	}

	/** Whether this person writes the occurrence's note: a facilitator of it, a clinician or the director. */
	public boolean mayWrite(MilieuUser user, Occurrence occurrence) {
		return user.has(Role.CLINICIAN) || user.has(Role.ADMIN)
				|| occurrence.facilitators().stream().anyMatch(f -> f.accountId().equals(user.accountId()));
	}

	/** Refuses a signature while an attendee lacks a complete entry (naming them) or an entry names someone absent. */
	public static void refuseUnsignable(GroupNote note) {
		if (note.signed()) {
			throw new StateConflict("group-note.signed");
		}
		if (note.attendees().isEmpty()) {
			throw new RuleViolation("group-note.nobody-attended", "entries");
		}
		if (!note.missing().isEmpty()) {
			throw new RuleViolation("group-note.entries.missing", "entries", note.missing().size(),
					note.missing().stream().map(GroupNote.Attendee::name).collect(Collectors.joining(", ")));
		}
		if (!note.strayEntries().isEmpty()) {
			throw new RuleViolation("group-note.entries.stray", "entries",
					note.strayEntries().stream().map(GroupNote.Entry::name).collect(Collectors.joining(", ")));
		}
	}

	/**
	 * Whether an occurrence starting at {@code start} (its moved time when moved, in the program's time
	 * zone) has begun: a note records what happened, so it is written only from then on.
	 */
	public boolean begun(ProgramId program, java.time.LocalDateTime start) {
		return !start.atZone(programs.timeZone(program)).toInstant().isAfter(clock.instant());
	}

	/** Whether a signature at {@code signedAt} of the note of an occurrence that ended at {@code end} is late. */
	static boolean late(Instant end, Instant signedAt) {
		return signedAt.isAfter(end.plus(Duration.ofHours(LATE_AFTER_HOURS)));
	}

	/** The occurrence's end as an instant, in the program's time zone. */
	Instant endOf(ProgramId program, Occurrence occurrence) {
		return occurrence.end().atZone(programs.timeZone(program)).toInstant();
	}

	/** The note as it stands, with no access check: for the signature component and the profile. */
	GroupNote assemble(ProgramId program, Occurrence occurrence) {
		GroupNoteRows.NoteRow row = rows.note(program.value(), occurrence.sessionId(), occurrence.occursOn()).orElse(null);
		List<GroupNoteRows.Attended> attended = rows.attended(program.value(), occurrence.sessionId(), occurrence.occursOn());
		Map<UUID, List<GroupNote.Objective>> objectives = rows.objectives(program.value(),
				attended.stream().map(GroupNoteRows.Attended::residentId).toList());
		Map<UUID, GroupNote.Entry> entries = row == null ? Map.of() : rows.entries(row.id());
		List<GroupNote.Attendee> attendees = new ArrayList<>();
		Set<UUID> present = new HashSet<>();
		for (GroupNoteRows.Attended a : attended) {
			present.add(a.residentId());
			attendees.add(new GroupNote.Attendee(a.residentId(), a.name(), a.status(),
					objectives.getOrDefault(a.residentId(), List.of()), entries.get(a.residentId())));
		}
		List<GroupNote.Entry> stray = entries.values().stream().filter(e -> !present.contains(e.residentId())).toList();
		String title = occurrence.title() == null || occurrence.title().isBlank() ? null : occurrence.title();
		return new GroupNote(row == null ? null : row.id(), occurrence.sessionId(), occurrence.occursOn(), title,
				occurrence.start(), occurrence.end(), row == null ? null : row.topic(),
				row == null ? null : row.interventions(), row == null ? null : row.materials(),
				row == null ? 0 : row.revision(), attendees, stray, row == null ? null : row.signedAt(),
				row == null ? null : row.signedByName(), row != null && row.late(),
				row == null ? List.of() : rows.addenda(row.id()));
	}

	private Occurrence occurrence(MilieuUser user, UUID sessionId, LocalDate occursOn) {
		if (occursOn == null) {
			throw new RuleViolation("group-note.field.required", "occursOn");
		}
		Occurrence occurrence = occurrences.occurrence(user.programId(), sessionId, occursOn)
			.orElseThrow(() -> new RecordNotFound("Occurrence", sessionId));
		if (occurrence.cancelled()) {
			throw new RuleViolation("group-note.occurrence.cancelled", "occursOn");
		}
		return occurrence;
	}

	/** Refuses writing the note of an occurrence not yet begun, naming when it starts. */
	private void refuseBeforeStart(ProgramId program, Occurrence occurrence) {
		if (!begun(program, occurrence.start())) {
			throw new RuleViolation("group-note.occurrence.notStarted", "occursOn", occurrence.start().toLocalDate().toString(),
					occurrence.start().toLocalTime().toString());
		}
	}

	/** The note's row, created on the first save and locked for this change. */
	private GroupNoteRows.NoteRow open(MilieuUser writer, Occurrence occurrence) {
		UUID program = writer.programId().value();
		return rows.lock(program, occurrence.sessionId(), occurrence.occursOn()).orElseGet(() -> {
			rows.create(program, occurrence.sessionId(), occurrence.occursOn(), writer.accountId(), writer.displayName(),
					clock.instant());
			return rows.lock(program, occurrence.sessionId(), occurrence.occursOn()).orElseThrow();
		});
	}

	/**
	 * A writer of the note: a facilitator, a clinician or the director, whom the access policy lets
	 * read (or, with {@code action}, write) the clinical notes of every attendee. With a null action
	 * only the role is checked here (the entry's own resident is then checked and recorded).
	 */
	private void requireWriter(MilieuUser user, Occurrence occurrence, GroupNote note, AccessAction action) {
		String reason = null;
		if (!mayWrite(user, occurrence)) {
			reason = "group notes are written by the session's facilitators and clinicians, not by " + user.getUsername();
		}
		else if (action != null) {
			for (GroupNote.Attendee a : note.attendees()) {
				if (!policy.decide(user, action, CATEGORY, scope(user.programId(), a.residentId())).allowed()) {
					reason = "an attendee of the session is outside the care of " + user.getUsername();
					break;
				}
			}
		}
		if (reason != null) {
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.on(RESOURCE, note.id()).saying(reason));
			throw new AccessDeniedException(reason);
		}
	}

	private static void refuseSigned(GroupNote note) {
		if (note.signed()) {
			throw new StateConflict("group-note.signed");
		}
	}

	private static void refuseTakenFromShared(String observation, String name, String topic, String interventions,
			String materials, boolean fromSharedSide) {
		String[][] parts = { { "topic", topic }, { "interventions", interventions }, { "materials", materials } };
		for (String[] part : parts) {
			if (part[1] != null && CopiedText.copied(observation, part[1])) {
				throw new RuleViolation("group-note.observation.shared", fromSharedSide ? part[0] : "observation", name,
						part[0]);
			}
		}
	}

	private static Participation participation(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.strip().toUpperCase(java.util.Locale.ROOT);
		for (Participation p : Participation.values()) {
			if (p.name().equals(name) || String.valueOf(p.step()).equals(name)) {
				return p;
			}
		}
		throw new RuleViolation("group-note.participation.unknown", "participation");
	}

	private static List<GroupNote.Progress> progress(GroupNote.Attendee attendee, List<ProgressDraft> given) {
		List<GroupNote.Progress> out = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		List<ProgressDraft> drafts = given == null ? List.of() : given;
		for (int n = 0; n < drafts.size(); n++) {
			ProgressDraft d = drafts.get(n);
			if (d == null || d.progress() == null || d.progress().isBlank()) {
				continue;
			}
			String field = "progress[" + n + "]";
			GroupNote.Objective objective = attendee.objectives().stream()
				.filter(o -> Objects.equals(o.id(), d.objectiveId())).findFirst()
				.orElseThrow(() -> new RuleViolation("group-note.objective.unknown", field + ".objectiveId"));
			if (!seen.add(objective.id())) {
				throw new RuleViolation("group-note.objective.twice", field + ".objectiveId");
			}
			ObjectiveProgress p;
			try {
				p = ObjectiveProgress.valueOf(d.progress().strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new RuleViolation("group-note.progress.unknown", field + ".progress");
			}
			out.add(new GroupNote.Progress(objective.id(), objective.text(), p));
		}
		return out;
	}

	private List<ResidentScope> scopes(ProgramId program, GroupNote note) {
		Map<UUID, UUID> houses = census.housesToday(program);
		return note.attendees().stream().map(a -> new ResidentScope(a.residentId(), houses.get(a.residentId()))).toList();
	}

	private ResidentScope scope(ProgramId program, UUID residentId) {
		return new ResidentScope(residentId, census.housesToday(program).get(residentId));
	}
}
