package org.milieu.sessions;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.plans.ObjectiveNotes;
import org.milieu.shared.ProgramId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident's signed group-note entries for the plan review, through the port plans owns: each
 * entry with its session, observation and progress on the objectives. No access check here (the
 * review page checked its reader for the resident's clinical notes).
 */
@Component
class GroupNoteObjectiveNotes implements ObjectiveNotes {

	private final GroupNoteRows rows;

	GroupNoteObjectiveNotes(GroupNoteRows rows) {
		this.rows = rows;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ObjectiveNote> notes(ProgramId program, UUID residentId, LocalDate from, LocalDate to) {
		return rows.signedEntriesOf(program.value(), residentId, from, to).stream()
			.map(e -> new ObjectiveNote(e.occursOn(),
					e.sessionTitle() == null || e.sessionTitle().isBlank() ? e.topic() : e.sessionTitle(), e.observation(),
					e.progress().stream()
						.map(p -> new Progress(p.objectiveId(), p.objectiveText(), p.progress().name())).toList(),
					e.signedBy(), e.late(), "/sessions/" + e.sessionId() + "/occurrences/" + e.occursOn() + "/note"))
			.toList();
	}
}
