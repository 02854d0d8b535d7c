package org.milieu.sessions.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.milieu.identity.DemoSignIns;
import org.milieu.sessions.SessionTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the calendar's web tests set up alike: the demo community's Bayview house, the program's
 * kinds of session by their code (the default techniques, created when first read), and weeks of a
 * test's own to book in, so that no two tests' bookings collide.
 */
@Component
class CalendarWebFixtures {

	private final JdbcClient jdbc;

	private final SessionTypes types;

	private final DemoSignIns signIns;

	/** The weeks handed out so far, by the first Monday of a test class's own run of weeks. */
	private final Map<LocalDate, AtomicInteger> handedOut = new ConcurrentHashMap<>();

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

	/** Bayview, psycho-education and the Monday of a test's own eight weeks. */
	record Week(UUID bayview, UUID psychoEducation, LocalDate monday) {
	}

	/**
	 * A week for one test: Bayview, the psycho-education kind, and a Monday eight weeks after the last
	 * one handed out from {@code firstMonday} (each test class starts its own run far from the others').
	 */
	Week aWeekOfItsOwn(LocalDate firstMonday) {
		int weeks = handedOut.computeIfAbsent(firstMonday, d -> new AtomicInteger()).getAndAdd(8);
		return new Week(bayview(), kind("PSYCHO_EDUCATION"), firstMonday.plusWeeks(weeks));
	}
}
