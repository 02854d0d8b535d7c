package org.milieu.residents.passes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Which curfew a pass must respect: the first one after the resident leaves, in the program's zone. */
class CurfewTests {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	private static Instant at(String local) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(local), CHICAGO).toInstant();
	}

	@Test
	void leavingBeforeCurfewMeansBackByTonightsCurfew() {
		assertThat(Passes.firstCurfewAfter(at("2026-11-26T17:00"), LocalTime.of(22, 0), CHICAGO))
			.isEqualTo(at("2026-11-26T22:00"));
	}

	@Test
	void leavingAfterCurfewMeansBackByTomorrowsCurfew() {
		assertThat(Passes.firstCurfewAfter(at("2026-11-26T23:15"), LocalTime.of(22, 0), CHICAGO))
			.isEqualTo(at("2026-11-27T22:00"));
	}

	@Test
	void leavingAtTheCurfewItselfMeansBackByTomorrowsCurfew() {
		assertThat(Passes.firstCurfewAfter(at("2026-11-26T22:00"), LocalTime.of(22, 0), CHICAGO))
			.isEqualTo(at("2026-11-27T22:00"));
	}

	@Test
	void theCurfewIsReadInTheProgramsTimeZoneAcrossAClockChange() {
		// 1 November 2026: daylight saving time ends in Chicago; 22:00 is then UTC-6
		assertThat(Passes.firstCurfewAfter(at("2026-11-01T10:00"), LocalTime.of(22, 0), CHICAGO))
			.isEqualTo(Instant.parse("2026-11-02T04:00:00Z"));
	}

	@Test
	void aPassIsOverdueOnlyWhileOutPastItsExpectedReturn() {
		Instant back = at("2026-11-26T18:00");
		Pass out = new Pass(null, null, "Danny Okafor", null, "Bayview House", "Library", "Job search", null,
				at("2026-11-26T15:00"), back, false, "staff", "staff", null, null, null);
		assertThat(out.status(back)).isEqualTo(PassStatus.OUT);
		assertThat(out.status(back.plusSeconds(1))).isEqualTo(PassStatus.OVERDUE);
		Pass returned = new Pass(null, null, "Danny Okafor", null, "Bayview House", "Library", "Job search", null,
				at("2026-11-26T15:00"), back, false, "staff", "staff", back.plusSeconds(600), "staff", null);
		assertThat(returned.status(back.plusSeconds(3600))).isEqualTo(PassStatus.RETURNED);
	}
}
