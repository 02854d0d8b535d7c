package org.milieu.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.shared.ProgramId;

/**
 * A port other modules implement to show, in a plan review, what they recorded about a resident's
 * objectives between two dates (a group note's individual entries, with progress on each objective).
 * Plans imports none of them: each implements this interface as a Spring bean. No access check in an
 * implementation: the review page has already checked its reader for the resident's clinical notes.
 */
public interface ObjectiveNotes {

	/** The resident's notes from {@code from} to {@code to} (both included), newest first. */
	List<ObjectiveNote> notes(ProgramId program, UUID residentId, LocalDate from, LocalDate to);

	/**
	 * One note: its day, what it comes from ("Coping with cravings"), its text, progress on objectives,
	 * who signed it, whether it was signed late, and a path within Milieu to the whole record.
	 */
	record ObjectiveNote(LocalDate on, String source, String text, List<Progress> progress, String author, boolean late,
			String path) {

		public ObjectiveNote {
			progress = List.copyOf(progress);
		}
	}

	/** Progress on one objective: its id, its words and the progress as a rating word (MET, PROGRESSING, NOT_PROGRESSING). */
	record Progress(UUID objectiveId, String objectiveText, String progress) {
	}
}
