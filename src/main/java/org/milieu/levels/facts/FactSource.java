package org.milieu.levels.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.milieu.shared.ProgramId;

/**
 * The port level criteria read one kind of fact through. A module that owns a kind implements it
 * as a bean; {@link LevelFacts} then prefers it over the facts staff record by hand. Implementations
 * answer for the program's residents without an access check: the levels module checks the reader.
 */
public interface FactSource {

	FactKind kind();

	/**
	 * The facts of this kind that occurred from {@code from} to {@code to} (both included), for the
	 * given residents, or for every resident of the program when {@code residents} is {@code null}.
	 */
	List<Fact> facts(ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to);
}
