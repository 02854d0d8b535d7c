package org.milieu.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A community meeting (issue 15, goal (c)): twenty residents, present at a whole-program meeting,
 * cast their secret ballots on one open motion at the same moment, each from their own signed-in
 * session; each then checks that their receipt code is counted. This happens for {@code rounds}
 * motions in turn ({@code -Dmilieu.vote.rounds}, default 5), a few seconds apart. Afterwards the
 * director closes each vote and the tally must hold every ballot exactly once: the turnout is 20
 * and the yes, no and abstain counts are those cast.
 *
 * <p>Set-up, outside the measured load, through the API as the director and the residents: an
 * ad hoc whole-program meeting, its roll call (resident01 to resident20 present, more than the
 * quorum), opened; then each motion moved by resident01, seconded by resident02, so its vote is
 * open. Goals: p99 of the ballots at most 300 ms, and no failed request (a wrong tally fails its check).
 *
 * <p>One more motion is voted first, the same way, as a warm-up: its ballots are named "warm-up
 * ballot", counted in the tally like the others, and left out of the goal, which is about a
 * running program rather than the first requests a just-started server has yet to compile.
 */
public class CommunityVoteSimulation extends Simulation {

	static final int VOTERS = 20;

	static final int ROUNDS = Integer.getInteger("milieu.vote.rounds", 5);

	/** Resident i votes YES, NO or ABSTAIN in turn: 7, 7 and 6 of twenty. */
	static String choice(int voter) {
		return switch (voter % 3) {
			case 0 -> "YES";
			case 1 -> "NO";
			default -> "ABSTAIN";
		};
	}

	static long expected(String choice) {
		return java.util.stream.IntStream.range(0, VOTERS).filter(i -> choice(i).equals(choice)).count();
	}

	public CommunityVoteSimulation() {
		Milieu.SignedIn directorSession = Milieu.signIn(List.of("director")).get(0);
		Milieu.Api director = new Milieu.Api(directorSession);
		Milieu.Community community = Milieu.Community.read(director);
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= VOTERS; i++) {
			names.add("resident%02d".formatted(i));
		}
		List<Milieu.SignedIn> voters = Milieu.signIn(names);
		List<String> present = names.stream().map(community::residentIdOf).toList();

		String meeting = director.post("/api/v1/meetings", Map.of("kind", "AD_HOC", "title", "Community meeting (load test)",
				"startsAt", Instant.now().plus(Duration.ofMinutes(10)).toString()), 201).get("id").asText();
		director.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("present", present), 200);
		director.post("/api/v1/meetings/" + meeting + "/open", null, 200);
		Milieu.Api mover = new Milieu.Api(voters.get(0));
		Milieu.Api seconder = new Milieu.Api(voters.get(1));
		List<String> motions = new ArrayList<>();
		for (int round = 0; round <= ROUNDS; round++) {
			String motion = mover.post("/api/v1/meetings/" + meeting + "/motions", Map.of("kind", "ORDINARY", "text",
					"Motion " + round + ": movie night moves to Friday.", "secret", true), 201).get("id").asText();
			seconder.post("/api/v1/motions/" + motion + "/second", null, 200);
			motions.add(motion);
		}
		System.out.printf("meeting %s open with %d present; %d motions open for voting%n", meeting, present.size(), motions.size());

		// round after round, the twenty voters of that round's motion, in order
		List<Map<String, Object>> ballots = new ArrayList<>();
		for (String motion : motions) {
			for (int i = 0; i < VOTERS; i++) {
				Map<String, Object> record = voters.get(i).feed();
				record.put("motion", motion);
				record.put("choice", choice(i));
				record.put("ballot", motion.equals(motions.get(0)) ? "warm-up ballot" : "cast ballot");
				ballots.add(record);
			}
		}

		ScenarioBuilder vote = scenario("residents voting").feed(listFeeder(ballots).queue())
			.exec(Milieu.useSignedInSession())
			.exec(http("#{ballot}").post("/api/v1/motions/#{motion}/ballots").header("X-XSRF-TOKEN", "#{xsrf}")
				.body(StringBody("{\"choice\": \"#{choice}\"}")).asJson()
				.check(status().is(201), jsonPath("$.code").saveAs("code")))
			.pause(Duration.ofSeconds(2))
			.exec(http("check receipt").post("/api/v1/motions/#{motion}/receipt-check").header("X-XSRF-TOKEN", "#{xsrf}")
				.body(StringBody("{\"code\": \"#{code}\"}")).asJson()
				.check(status().is(200), jsonPath("$.counted").ofBoolean().is(true)));

		Map<String, Object> tallyRecord = new HashMap<>(directorSession.feed());
		tallyRecord.put("motions", motions);
		tallyRecord.put("meeting", meeting);
		ScenarioBuilder tally = scenario("director counting").feed(listFeeder(List.of(tallyRecord)))
			.exec(Milieu.useSignedInSession())
			.exec(foreach("#{motions}", "motion").on(
					exec(http("close vote").post("/api/v1/motions/#{motion}/close").header("X-XSRF-TOKEN", "#{xsrf}")
						.check(status().is(200), jsonPath("$.ballotsCast").ofInt().is(VOTERS)))
						.exec(http("read result").get("/api/v1/motions/#{motion}/result")
							.check(status().is(200), jsonPath("$.yes").ofInt().is((int) expected("YES")),
									jsonPath("$.no").ofInt().is((int) expected("NO")),
									jsonPath("$.abstain").ofInt().is((int) expected("ABSTAIN")),
									jsonPath("$.paper").ofInt().is(0)))))
			.exec(http("close meeting").post("/api/v1/meetings/#{meeting}/close").header("X-XSRF-TOKEN", "#{xsrf}")
				.check(status().is(200)));

		List<OpenInjectionStep> waves = new ArrayList<>();
		for (int round = 0; round <= ROUNDS; round++) {
			waves.add(atOnceUsers(VOTERS));
			waves.add(nothingFor(Duration.ofSeconds(4)));
		}
		setUp(vote.injectOpen(waves).andThen(tally.injectOpen(atOnceUsers(1)))).protocols(Milieu.protocol())
			.assertions(details("cast ballot").responseTime().percentile(99.0).lte(300),
					details("cast ballot").successfulRequests().count().is((long) VOTERS * ROUNDS),
					global().failedRequests().count().is(0L));
	}
}
