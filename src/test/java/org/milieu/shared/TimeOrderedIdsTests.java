package org.milieu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

	@Test
	void anIdIsAVersion7UuidThatBeginsWithItsMillisecond() {
		Instant made = Instant.parse("2026-12-05T20:00:00.123Z");
		UUID id = TimeOrderedIds.next(made);
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(made.toEpochMilli());
	}

	@Test
	void everyIdSortsAfterTheOnesMadeBeforeItAsPostgreSqlComparesThemEvenWithinOneMillisecond() {
		Instant t = Instant.parse("2026-12-05T20:00:00Z");
		// PostgreSQL compares uuids byte by byte, as unsigned; their text does the same
		String earlier = TimeOrderedIds.next(t).toString();
		String later = TimeOrderedIds.next(t.plusMillis(1)).toString();
		assertThat(later).isGreaterThan(earlier);
		Set<UUID> same = new HashSet<>();
		String previous = later;
		for (int i = 0; i < 10_000; i++) {
			UUID id = TimeOrderedIds.next(t.plusMillis(1));
			assertThat(id.toString()).as("made after %s", previous).isGreaterThan(previous);
			previous = id.toString();
			same.add(id);
		}
		assertThat(same).hasSize(10_000);
	}
}
