package org.milieu.levels.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.shared.ProgramId;
import org.springframework.stereotype.Service;

/**
 * Where each kind of fact is read from: every module that implements {@link FactSource} for the
 * kind (one kind may come from several, ATTENDANCE from meetings and later from sessions), and the
 * facts staff entered by hand, which stay in the evidence marked as such. No access check here:
 * the callers check the reader.
 */
@Service
public class LevelFacts {

	private final Map<FactKind, List<FactSource>> sources = new EnumMap<>(FactKind.class);

	private final ManualFacts manual;

	LevelFacts(List<FactSource> owned, ManualFacts manual) {
		this.manual = manual;
		for (FactKind kind : FactKind.values()) {
			sources.put(kind, owned.stream().filter(s -> s.kind() == kind).toList());
		}
	}

	/** The facts of one kind from {@code from} to {@code to}: from every module that supplies it, and those entered by hand. */
	public List<Fact> facts(FactKind kind, ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to) {
		return facts(Set.of(kind), program, residents, from, to);
	}

	/**
	 * The facts of several kinds from {@code from} to {@code to}: those entered by hand in one
	 * query, then one set-based query per module that supplies one of the kinds.
	 */
	public List<Fact> facts(Set<FactKind> kinds, ProgramId program, Collection<UUID> residents, LocalDate from,
			LocalDate to) {
		if (residents != null && residents.isEmpty()) {
			return List.of();
		}
		List<Fact> result = new ArrayList<>(manual.facts(kinds, program, residents, from, to));
		for (FactKind kind : kinds) {
			for (FactSource source : sources.get(kind)) {
				result.addAll(source.facts(program, residents, from, to));
			}
		}
		return result;
	}

	/**
	 * The pages of the resident's records that the modules supplying {@code kind} keep (their
	 * treatment plan), for the level page to link to.
	 */
	public List<String> recordsOf(FactKind kind, ProgramId program, UUID residentId) {
		return sources.get(kind).stream().map(s -> s.recordOf(program, residentId)).flatMap(java.util.Optional::stream)
			.toList();
	}

	/** Whether some module supplies this kind (it may still be entered by hand for days before the module's records). */
	public boolean suppliedByModule(FactKind kind) {
		return !sources.get(kind).isEmpty();
	}

	/** From which day each module records its kind for the program: hand entry is refused for those days. */
	public List<Coverage> coverage(ProgramId program) {
		return manual.coverage(program);
	}
}
