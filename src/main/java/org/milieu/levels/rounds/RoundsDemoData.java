package org.milieu.levels.rounds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Observation rounds for the demo: one resident on 15-minute checks for the past four hours whose
 * latest check is overdue now, and one on one-to-one observation with a hand-over between the two
 * staff members. Runs after the residents and levels; it draws from its own seeded random source,
 * so the other contributors' data stays the same, and inserts the checks as one batch.
 */
@Component
@Order(450)
class RoundsDemoData implements DemoContributor {

	private static final long SEED = 15_15_15L;

	private static final String[] PLACES = { "Bedroom", "Day room", "Dining room", "Garden", "Hallway" };

	private static final String[] ACTIVITIES = { "Resting", "Reading", "Talking with a peer", "Watching TV", "Writing" };

	private static final String[] MOODS = { "Calm", "Quiet, withdrawn", "Settled", "Restless", "Polite, brief answers" };

	private final Census census;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	RoundsDemoData(Census census, JdbcTemplate jdbc, Clock clock) {
		this.census = census;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void contribute(DemoCommunity community) {
		Random random = new Random(SEED);
		Instant now = clock.instant();
		List<Object[]> checks = new ArrayList<>();
		// resident03: every 15 minutes since four hours ago; the last check was 26 minutes ago,
		// so the next fell due 11 minutes ago and is overdue
		CensusEntry q15 = resident(community, "resident03");
		Instant start = now.minus(Duration.ofHours(4));
		UUID q15Order = order(community, q15, Frequency.EVERY_15, start,
				"Low mood after a difficult family call; said she \"cannot see the point\". Reassess at the morning review.");
		for (Instant at = start.plus(Duration.ofMinutes(14)); !at.isAfter(now.minus(Duration.ofMinutes(26)));
				at = at.plus(Duration.ofMinutes(15))) {
			checks.add(check(community, q15, q15Order, at.minusSeconds(random.nextInt(90)), random, "staff"));
		}
		checks.add(check(community, q15, q15Order, now.minus(Duration.ofMinutes(26)), random, "staff"));
		// resident07: one-to-one since three hours ago, handed from Luis to Joan an hour ago
		CensusEntry oneToOne = resident(community, "resident07");
		start = now.minus(Duration.ofHours(3));
		UUID order = order(community, oneToOne, Frequency.ONE_TO_ONE, start,
				"Self-harm risk after withdrawal symptoms returned; one-to-one until the psychiatrist reviews.");
		for (Instant at = start.plus(Duration.ofMinutes(15)); at.isBefore(now); at = at.plus(Duration.ofMinutes(15))) {
			checks.add(check(community, oneToOne, order, at, random,
					at.isBefore(now.minus(Duration.ofHours(1))) ? "staff" : "staff2"));
		}
		jdbc.update("""
				insert into levels_observation_handover (id, program_id, order_id, from_staff, to_staff, handed_at, note,
				                                         recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", community.id("observation-handover", "resident07"),
				community.program().id().value(), order, "Luis Ferreira", "Joan McAllister", utc(now.minus(Duration.ofHours(1))),
				"Settled, no concerns; water at the bedside.", "staff", utc(now.minus(Duration.ofHours(1))));
		jdbc.batchUpdate("""
				insert into levels_observation (id, program_id, resident_id, house_id, order_id, observed_at, location, activity,
				                                mood_behaviour, safety_concern, safety_note, observed_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", checks);
	}

	private CensusEntry resident(DemoCommunity community, String name) {
		return census.find(community.program().id(), community.id("resident", name)).orElseThrow();
	}

	private UUID order(DemoCommunity community, CensusEntry resident, Frequency frequency, Instant start, String reason) {
		UUID id = community.id("observation-order", resident.residentId().toString());
		jdbc.update("""
				insert into levels_observation_order (id, program_id, resident_id, frequency, reason, starts_at, ordered_by,
				                                      ordered_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", id, community.program().id().value(), resident.residentId(), frequency.name(),
				reason, utc(start), "clinician", utc(start));
		return id;
	}

	private Object[] check(DemoCommunity community, CensusEntry resident, UUID order, Instant at, Random random,
			String staff) {
		return new Object[] { UUID.nameUUIDFromBytes((order + ":" + at).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				community.program().id().value(), resident.residentId(), resident.houseId(), order, utc(at),
				PLACES[random.nextInt(PLACES.length)], ACTIVITIES[random.nextInt(ACTIVITIES.length)],
				MOODS[random.nextInt(MOODS.length)], false, null, staff, utc(at) };
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
