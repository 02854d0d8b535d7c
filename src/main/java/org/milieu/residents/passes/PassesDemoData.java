package org.milieu.residents.passes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.House;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.Houses;
import org.milieu.shared.ProgramId;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whereabouts for the demo: curfews for both houses (Bayview 22:00, Linden 22:30), one resident
 * out on a pass now, one already overdue when the demo is seeded, and a few passes from the past
 * weeks that ended with a sign-in. Runs after the residents (and levels) are seeded; it draws
 * nothing from the shared random source, so the other contributors' data stays the same.
 */
@Component
@Order(400)
class PassesDemoData implements DemoContributor {

	/** resident, days ago, hour left, hours out, who signed it out and in */
	private record PastPass(String resident, int daysAgo, int hourLeft, int hoursOut, String staff, String destination,
			String purpose) {
	}

	private static final PastPass[] PAST = {
			new PastPass("resident03", 20, 13, 3, "staff", "Harbor Public Library", "Job search"),
			new PastPass("resident04", 16, 10, 4, "staff2", "St. Mary's Clinic", "Dental appointment"),
			new PastPass("resident07", 12, 14, 2, "staff", "First Street Church", "NA meeting"),
			new PastPass("resident06", 9, 11, 5, "staff2", "Her sister's home", "Family visit"),
			new PastPass("resident01", 5, 15, 3, "staff", "County courthouse", "Court date"),
			new PastPass("resident02", 2, 9, 2, "staff2", "Workforce center", "Job interview") };

	private final Houses houses;

	private final JdbcClient jdbc;

	private final Clock clock;

	PassesDemoData(Houses houses, JdbcClient jdbc, Clock clock) {
		this.houses = houses;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void contribute(DemoCommunity community) {
		ProgramId program = community.program().id();
		ZoneId zone = community.program().timeZone();
		LocalTime bayview = curfew(program, community.id("house", "bayview"), LocalTime.of(22, 0));
		LocalTime linden = curfew(program, community.id("house", "linden"), LocalTime.of(22, 30));
		for (PastPass p : PAST) {
			Instant left = community.today().minusDays(p.daysAgo()).atTime(p.hourLeft(), 0).atZone(zone).toInstant();
			Instant back = left.plus(Duration.ofHours(p.hoursOut()));
			insert(community, p.resident(), p.destination(), p.purpose(), null, left, back.plus(Duration.ofMinutes(15)),
					p.staff(), back, null);
		}
		Instant now = clock.instant();
		// out now: Jorge (Bayview) at the hardware store with his sponsor, back in two hours
		Instant left = now.minus(Duration.ofMinutes(45));
		Instant due = now.plus(Duration.ofHours(2));
		insert(community, "resident05", "Hendricks Hardware", "Work shift", "His sponsor, Ray", left, due, "staff", null,
				due.isAfter(Passes.firstCurfewAfter(left, bayview, zone)));
		// overdue already: Erin (Linden) was due back from a family visit half an hour ago
		left = now.minus(Duration.ofHours(4));
		due = now.minus(Duration.ofMinutes(30));
		insert(community, "resident10", "Her mother's home", "Family visit", null, left, due, "staff2", null,
				due.isAfter(Passes.firstCurfewAfter(left, linden, zone)));
	}

	private LocalTime curfew(ProgramId program, UUID houseId, LocalTime curfew) {
		House house = houses.find(program, houseId);
		houses.revise(program, houseId, house.version(), new HouseDetails(house.name(), house.kind(), house.address(), curfew));
		return curfew;
	}

	private void insert(DemoCommunity community, String resident, String destination, String purpose, String companion,
			Instant left, Instant due, String staff, Instant returned, Boolean pastCurfew) {
		UUID residentId = community.id("resident", resident);
		record Stay(UUID id, UUID houseId) {
		}
		Stay stay = jdbc.sql("select id, house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(residentId)
			.query((rs, n) -> new Stay(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class)))
			.single();
		jdbc.sql("""
				insert into residents_pass (id, program_id, resident_id, stay_id, house_id, destination, purpose, companion,
				                            left_at, expected_back_at, past_curfew, approved_by, signed_out_by, returned_at,
				                            returned_recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(community.id("pass", resident + ":" + left), community.program().id().value(), residentId, stay.id(),
					stay.houseId(), destination, purpose, companion, left.atOffset(ZoneOffset.UTC), due.atOffset(ZoneOffset.UTC),
					pastCurfew != null && pastCurfew, staff, staff, returned == null ? null : returned.atOffset(ZoneOffset.UTC),
					returned == null ? null : staff)
			.update();
	}
}
