package org.milieu.levels.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.shared.ProgramId;
import org.springframework.stereotype.Service;

/**
 * Where each kind of fact is read from: the module that owns the kind when one implements
 * {@link FactSource} for it, else the facts staff record by hand.
 */
@Service
public class LevelFacts {

	private final Map<FactKind, FactSource> sources = new EnumMap<>(FactKind.class);

	private final Map<FactKind, Boolean> byHand = new EnumMap<>(FactKind.class);

	private final ManualFacts manual;

	LevelFacts(List<FactSource> owned, ManualFacts manual) {
		this.manual = manual;
		for (FactKind kind : FactKind.values()) {
			FactSource source = owned.stream().filter(s -> s.kind() == kind).findFirst().orElse(null);
			byHand.put(kind, source == null);
			sources.put(kind, source != null ? source : manual.source(kind));
		}
	}

	public List<Fact> facts(FactKind kind, ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to) {
		return sources.get(kind).facts(program, residents, from, to);
	}

	/**
	 * The facts of several kinds from {@code from} to {@code to}: those recorded by hand in one
	 * query, each owned kind from its module.
	 */
	public List<Fact> facts(java.util.Set<FactKind> kinds, ProgramId program, Collection<UUID> residents, LocalDate from,
			LocalDate to) {
		java.util.List<Fact> result = new java.util.ArrayList<>(manual.facts(
				kinds.stream().filter(this::recordedByHand).toList(), program, residents, from, to));
		kinds.stream().filter(k -> !recordedByHand(k)).forEach(k -> result.addAll(facts(k, program, residents, from, to)));
		return result;
	}

	/** Whether staff record this kind by hand (no module owns it yet). */
	public boolean recordedByHand(FactKind kind) {
		return byHand.get(kind);
	}
}
