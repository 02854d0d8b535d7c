package org.milieu.levels.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ObservationIdsTests {

	@Test
	void aCheckIdIsAVersionSevenUuidThatStartsWithTheMillisecondOfRecording() {
		long millis = 1_795_000_000_123L;
		UUID id = ObservationRounds.timeOrderedId(millis);
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
	}

	@Test
	void laterChecksSortAfterEarlierOnesAsTheDatabaseComparesThem() {
		UUID earlier = ObservationRounds.timeOrderedId(1_795_000_000_000L);
		UUID later = ObservationRounds.timeOrderedId(1_795_000_000_001L);
		// PostgreSQL orders uuid by its bytes, as this text form does
		assertThat(later.toString()).isGreaterThan(earlier.toString());
	}

	@Test
	void checksOfOneMillisecondStillGetDistinctIds() {
		Set<UUID> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(ObservationRounds.timeOrderedId(1_795_000_000_000L));
		}
		assertThat(ids).hasSize(10_000);
	}
}
