package org.milieu.levels.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.shared.ProgramId;

/**
 * The port level criteria read one kind of fact through. A module that owns a kind implements it
 * as a bean (work supplies {@link FactKind#WORK} from job occurrences, government
 * {@link FactKind#ATTENDANCE} from meetings' roll calls, plans {@link FactKind#PLAN_OBJECTIVE} from
 * signed reviews of objectives linked to a criterion); levels never imports the module.
 * Several modules may supply the same kind: {@link LevelFacts} combines them, together with the
 * facts staff entered by hand before a module recorded the kind.
 * <p>
 * Coverage: {@link #coversFrom} names the first day from which the module records every fact of
 * its kind for the program, usually the first day it has records for it (the first published
 * roster week, the first closed meeting). From that day on, staff may no longer enter the kind by
 * hand, because a second, unchecked record of the same work or meeting would count twice; before
 * it, entries by hand stay possible and those already stored remain in the evidence.
 * <p>
 * Implementations answer for the program's residents without an access check (the levels module
 * checks the reader), read their own tables at query time so a record shows in the evidence on the
 * next read, filter by {@code program_id}, and answer many residents with one set-based query.
 */
public interface FactSource {

	FactKind kind();

	/** The module that records the facts, as named in the module graph, e.g. {@code work}; shown when a hand entry is refused. */
	String module();

	/** The first day this module records the kind for the program from; empty while it has no records for it. */
	Optional<LocalDate> coversFrom(ProgramId program);

	/**
	 * The facts of this kind that occurred from {@code from} to {@code to} (both included), for the
	 * given residents, or for every resident of the program when {@code residents} is {@code null}.
	 * Each carries its {@link FactOrigin}.
	 */
	List<Fact> facts(ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to);

	/**
	 * The page of the resident's record this module keeps that the level page links to, for a kind
	 * whose facts are linked to criteria (the resident's treatment plan), or empty when they have
	 * none. The levels module shows it only to a reader who may read the kind.
	 */
	default Optional<String> recordOf(ProgramId program, UUID residentId) {
		return Optional.empty();
	}
}
