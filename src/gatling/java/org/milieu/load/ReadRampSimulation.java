package org.milieu.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * How fast the day's reads can go (issue 15, goal (b)): an open model whose arrival rate climbs
 * in steps, each arrival one read of the mix, sent by one of 40 signed-in staff sessions (Bayview
 * and Linden House) over shared keep-alive connections: the census of the house (15 %), a
 * resident's profile (25 %) and level evidence (25 %), the house's beds (10 %), the hand-off notes
 * (10 %), the staff roster (5 %), and a resident of the other house (10 %), refused with 403 as
 * it must be. It reports, step by step, the rate offered and served, the errors and p50/p95/p99,
 * and the highest rate whose p99 stayed at most 500 ms (goal: 500 requests/s or more). It stops
 * by itself two steps after the first one over the bound.
 *
 * <p>{@code -Dmilieu.ramp.start} (default 100 requests/s), {@code .step} (100), {@code .steps}
 * (10) and {@code .seconds} (15 per step); the table goes to standard output and to
 * {@code -Dmilieu.ramp.report} (default target/load/read-ramp.txt).
 */
public class ReadRampSimulation extends Simulation {

	static final double START = Double.parseDouble(System.getProperty("milieu.ramp.start", "100"));

	static final double STEP = Double.parseDouble(System.getProperty("milieu.ramp.step", "100"));

	static final int STEPS = Integer.getInteger("milieu.ramp.steps", 10);

	static final int SECONDS = Integer.getInteger("milieu.ramp.seconds", 15);

	static final long BOUND_MS = 500;

	static final Path REPORT = Path.of(System.getProperty("milieu.ramp.report", "target/load/read-ramp.txt"));

	private final Steps steps = new Steps(START, STEP, STEPS, Duration.ofSeconds(SECONDS), BOUND_MS);

	public ReadRampSimulation() {
		Milieu.Api director = new Milieu.Api(Milieu.signIn(List.of("director")).get(0));
		Milieu.Community community = Milieu.Community.read(director);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<Map<String, Object>> feed = new ArrayList<>();
		for (Milieu.SignedIn s : Milieu.signIn(Milieu.repeat(List.of("staff", "staff2"), 40))) {
			List<String> houses = community.housesOf(s.username());
			Map<String, Object> record = s.feed();
			record.put("house", houses.get(0));
			record.put("reach", community.residentsIn(houses));
			record.put("outside", community.residentsOutside(houses));
			record.put("today", today.toString());
			record.put("weekEnd", today.plusDays(6).toString());
			feed.add(record);
		}

		ScenarioBuilder read = scenario("read mix").feed(listFeeder(feed).circular())
			.exec(Milieu.useSignedInSession())
			.exec(session -> session.set("resident", any(session.getList("reach"))).set("other", any(session.getList("outside")))
				.set("started", System.currentTimeMillis()))
			.exec(randomSwitch().on(
					percent(15).then(timed(http("house census").get("/api/v1/residents?houseId=#{house}"), 200)),
					percent(25).then(timed(http("resident profile").get("/api/v1/residents/#{resident}"), 200)),
					percent(25).then(timed(http("level evidence").get("/api/v1/residents/#{resident}/level"), 200)),
					percent(10).then(timed(http("house beds").get("/api/v1/houses/#{house}/beds"), 200)),
					percent(10).then(timed(http("hand-off notes").get("/api/v1/staffing/handoff-notes"), 200)),
					percent(5).then(timed(http("staff roster").get("/api/v1/staffing/roster?from=#{today}&to=#{weekEnd}"), 200)),
					percent(10).then(exec(http("refused: resident outside one's care").get("/api/v1/residents/#{other}")
						.check(status().is(403), jsonPath("$.type").is("urn:milieu:problem:forbidden"),
								responseTimeInMillis().saveAs("rt"))))))
			.exec(session -> {
				steps.record(session.getLong("started"), session.contains("rt") ? session.getInt("rt") : -1, session.isFailed());
				return session;
			})
			.exec(stopLoadGeneratorIf("two steps past the p99 bound: the read mix is saturated", session -> steps.saturated()));

		setUp(read.injectOpen(incrementUsersPerSec(STEP).times(STEPS).eachLevelLasting(Duration.ofSeconds(SECONDS))
			.startingFrom(START)))
			.protocols(Milieu.protocol().shareConnections());
	}

	@Override
	public void before() {
		steps.start(System.currentTimeMillis());
	}

	@Override
	public void after() {
		String table = steps.table();
		System.out.println(table);
		try {
			Files.createDirectories(REPORT.toAbsolutePath().getParent());
			Files.writeString(REPORT, table);
		}
		catch (IOException e) {
			System.err.println("could not write " + REPORT + ": " + e.getMessage());
		}
	}

	private static ChainBuilder timed(HttpRequestActionBuilder request, int status) {
		return exec(request.check(status().is(status), responseTimeInMillis().saveAs("rt")));
	}

	private static String any(List<String> ids) {
		return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
	}
}
