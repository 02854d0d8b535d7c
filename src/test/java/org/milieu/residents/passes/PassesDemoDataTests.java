package org.milieu.residents.passes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo community's whereabouts: curfews, one resident out, one overdue, and past passes. */
@MilieuWebTest
class PassesDemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoSignIns signIns;

	@Test
	void bothDemoHousesHaveACurfew() {
		assertThat(jdbc.sql("select curfew from residents_house where name = 'Bayview House'").query(LocalTime.class).single())
			.isEqualTo(LocalTime.of(22, 0));
		assertThat(jdbc.sql("select curfew from residents_house where name = 'Linden House'").query(LocalTime.class).single())
			.isEqualTo(LocalTime.of(22, 30));
	}

	@Test
	void oneDemoResidentIsOutAndAnotherWasAlreadyOverdueWhenSeeded() {
		assertThat(jdbc.sql("""
				select count(*) from residents_pass
				 where resident_id = ? and returned_at is null and expected_back_at > created_at""")
			.param(resident("resident05")).query(Integer.class).single()).as("out, due back later").isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from residents_pass
				 where resident_id = ? and returned_at is null and expected_back_at < created_at""")
			.param(resident("resident10")).query(Integer.class).single()).as("overdue at seeding").isEqualTo(1);
	}

	@Test
	void demoResidentsHavePassesOfThePastWeeksSignedBackIn() {
		assertThat(jdbc.sql("""
				select count(*) from residents_pass
				 where resident_id in (?, ?, ?) and returned_at is not null and returned_recorded_by in ('staff', 'staff2')""")
			.params(resident("resident03"), resident("resident04"), resident("resident07")).query(Integer.class).single())
			.isEqualTo(3);
	}

	private UUID resident(String username) {
		return signIns.user(username).residentId();
	}
}
