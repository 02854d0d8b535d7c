package org.milieu.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The note of one occurrence: its shared part (written once), everyone who attended with their
 * plan objectives in force and their individual entry (null until written), and, once signed, who
 * signed when and whether late (more than {@value GroupNotes#LATE_AFTER_HOURS} hours after the
 * occurrence ended). {@code id} is null until something of the note is saved; {@code revision} counts
 * its changes.
 */
public record GroupNote(UUID id, UUID sessionId, LocalDate occursOn, String title, LocalDateTime start, LocalDateTime end,
		String topic, String interventions, String materials, int revision, List<Attendee> attendees,
		List<Entry> strayEntries, Instant signedAt, String signedByName, boolean late, List<Addendum> addenda) {

	public GroupNote {
		attendees = List.copyOf(attendees);
		strayEntries = List.copyOf(strayEntries);
		addenda = List.copyOf(addenda);
	}

	public boolean signed() {
		return signedAt != null;
	}

	/** The attendees whose entry is missing or incomplete: signing waits for them. */
	public List<Attendee> missing() {
		return attendees.stream().filter(a -> !a.complete()).toList();
	}

	/** A resident who attended (present, late or left early), with the objectives of their plan in force. */
	public record Attendee(UUID residentId, String name, String attendance, List<Objective> objectives, Entry entry) {

		public Attendee {
			objectives = List.copyOf(objectives);
		}

		/** The progress the entry gives on an objective, or null. */
		public ObjectiveProgress progressOf(UUID objectiveId) {
			return entry == null ? null : entry.progress().stream().filter(p -> p.objectiveId().equals(objectiveId))
				.map(Progress::progress).findFirst().orElse(null);
		}

		/** Participation and an observation given, and progress on at least one objective when the plan has any. */
		public boolean complete() {
			return entry != null && entry.participation() != null && entry.observation() != null
					&& (objectives.isEmpty() || !entry.progress().isEmpty());
		}
	}

	/** An OBJECTIVE of the resident's plan version in force. */
	public record Objective(UUID id, String text) {
	}

	/** A resident's individual entry. */
	public record Entry(UUID residentId, String name, Participation participation, List<Progress> progress,
			String observation, String writtenBy, Instant writtenAt) {

		public Entry {
			progress = List.copyOf(progress);
		}
	}

	/** Progress on one objective, with the objective's words as they were. */
	public record Progress(UUID objectiveId, String objectiveText, ObjectiveProgress progress) {
	}

	/** Text added to a signed note, with its author and time; never changed. */
	public record Addendum(UUID id, String text, String author, Instant writtenAt) {
	}
}
