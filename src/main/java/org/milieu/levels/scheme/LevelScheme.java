package org.milieu.levels.scheme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a program's level scheme: four levels with their criteria, and what opens a
 * step-down review. {@code id} and {@code effectiveFrom} are empty for the built-in default.
 */
public record LevelScheme(UUID id, LocalDate effectiveFrom, String publishedBy, Instant publishedAt, String note,
		List<SchemeLevel> levels, boolean stepDownOnDestructiveBehaviour, boolean stepDownOnMajorIncident) {

	public LevelScheme {
		levels = List.copyOf(levels);
	}

	/** Whether this is the built-in default rather than a version a program published. */
	public boolean builtIn() {
		return id == null;
	}

	public SchemeLevel level(int number) {
		return levels.stream().filter(l -> l.number() == number).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no level " + number));
	}

	/** The criteria for reaching {@code level} (none for level 1). */
	public List<Criterion> criteriaFor(int level) {
		return level(level).criteria();
	}

	public Optional<Criterion> criterion(int level, String key) {
		return criteriaFor(level).stream().filter(c -> c.key().equals(key)).findFirst();
	}

	/** The longest window of any criterion, in days: how far back the evidence must look. */
	public int longestWindow() {
		return levels.stream().flatMap(l -> l.criteria().stream()).map(Criterion::windowDays)
			.filter(w -> w != null).mapToInt(Integer::intValue).max().orElse(1);
	}
}
