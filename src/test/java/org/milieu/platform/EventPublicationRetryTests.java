package org.milieu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.residents.Admissions;
import org.milieu.residents.Census;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reaction to a module event that a killed node left half-done (its publication still marked as
 * running, its effect not there) is marked failed once stale and run again by the retry job on a
 * surviving node: the admitted resident gets the first level, once.
 */
@MilieuWebTest
class EventPublicationRetryTests {

	@Autowired
	EventPublicationRetry retry;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	Census census;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void anAdmissionsReactionLeftRunningOnAKilledNodeIsRunAgainAndTakesEffectOnce() {
		ProgramId program = signIns.user("director").programId();
		UUID house = houses.found(program,
				new HouseDetails("Retry " + UUID.randomUUID().toString().substring(0, 8), HouseKind.MIXED, null), 1).id();
		UUID resident = UUID.randomUUID();
		LocalDate today = census.day(program);
		admissions.admit(program, resident, new NewAdmission("Sky", "Retry", null, LocalDate.of(1990, 1, 1),
				houses.beds(program, house).get(0).id(), today));
		await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(levelsPublication(resident)));

		// as a node killed mid-reaction leaves it: running for ten minutes, the effect not there
		jdbc.sql("delete from levels_assignment where resident_id = ?").param(resident).update();
		jdbc.sql("""
				update event_publication set status = 'PROCESSING', completion_date = null, publication_date = ?
				where listener_id like '%LevelOnAdmission%' and serialized_event like ?""")
			.params(Timestamp.from(clock.instant().minus(Duration.ofMinutes(10))), "%" + resident + "%")
			.update();
		assertThat(levels(resident)).isZero();

		retry.resubmitUnfinished();

		await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(levelsPublication(resident)));
		assertThat(levels(resident)).as("the first level, once").isEqualTo(1);
	}

	private String levelsPublication(UUID resident) {
		return jdbc.sql("select coalesce(status, case when completion_date is null then 'INCOMPLETE' else 'COMPLETED' end) "
				+ "from event_publication where listener_id like '%LevelOnAdmission%' and serialized_event like ?")
			.param("%" + resident + "%").query(String.class).single();
	}

	private int levels(UUID resident) {
		return jdbc.sql("select count(*) from levels_assignment where resident_id = ?").param(resident)
			.query(Integer.class).single();
	}
}
