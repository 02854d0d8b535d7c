package org.milieu.sessions.web;

import java.util.UUID;

import org.milieu.identity.DemoSignIns;
import org.milieu.sessions.SessionTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the calendar's web tests set up alike: the demo community's Bayview house and the program's
 * kinds of session by their code (the default techniques, created when first read).
 */
@Component
class CalendarWebFixtures {

	private final JdbcClient jdbc;

	private final SessionTypes types;

	private final DemoSignIns signIns;

	CalendarWebFixtures(JdbcClient jdbc, SessionTypes types, DemoSignIns signIns) {
		this.jdbc = jdbc;
		this.types = types;
		this.signIns = signIns;
	}

	/** The demo community's Bayview house. */
	UUID bayview() {
		return jdbc.sql("select id from residents_house where name like 'Bayview%'").query(UUID.class).single();
	}

	/** The program's kind of session with this code, such as PSYCHO_EDUCATION. */
	UUID kind(String code) {
		return types.all(signIns.user("clinician").programId()).stream().filter(t -> code.equals(t.code())).findFirst()
			.orElseThrow().id();
	}
}
