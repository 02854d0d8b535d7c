package org.milieu.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * A day of the program under load (issue 15, goal (a)): 200 people at once in a closed model,
 * each with 1 to 3 seconds of thought between requests, over the work of a real program:
 * <ul>
 * <li><b>shift change</b> (50): the house's hand-off notes read, one of another person's notes
 * acknowledged, the house's census read (API and page), the point sheet saved for the house, an
 * observation round recorded for everyone on observation, and half the time a note written for
 * the next shift;</li>
 * <li><b>the day's reads</b> (119): a resident's profile and level evidence, the open level
 * reviews, the staff roster of the week and the week's work roster; staff (and the clinician who
 * follows only Linden House's residents) also ask for a resident of another house, and the
 * answer must be the 403 of the access policy (a refusal, checked as such: not an error);</li>
 * <li><b>residents</b> (30): their own level (page and API), ratings, meetings and action items;</li>
 * <li><b>the review engine</b> (1): a clinician runs it ({@code POST /api/v1/level-reviews/run},
 * what the nightly job does) every 20 seconds meanwhile.</li>
 * </ul>
 * Goals: p99 at most 200 ms over every request, and no failed request. {@code -Dmilieu.day.seconds}
 * (default 150) is how long the 200 stay after a ramp of {@code -Dmilieu.day.ramp} seconds (default 20).
 *
 * <p>A house has one point sheet per date and shift, so each sheet saved takes the next free one
 * of a sequence going back from 400 days ago (far from the demo's own ratings and from every
 * level window); a sheet already there (a second run on the same data) is skipped to the next.
 */
public class ProgramDaySimulation extends Simulation {

	static final int SHIFT_CHANGE = 50;

	static final int READERS = 119;

	static final int RESIDENTS = 30;

	static final Duration RAMP = Duration.ofSeconds(Integer.getInteger("milieu.day.ramp", 20));

	static final Duration STEADY = Duration.ofSeconds(Integer.getInteger("milieu.day.seconds", 150));

	static final String XSRF = "X-XSRF-TOKEN";

	static final String[] SHIFTS = { "DAY", "EVENING", "NIGHT" };

	static final Map<String, java.util.concurrent.atomic.AtomicInteger> SHEETS = new java.util.concurrent.ConcurrentHashMap<>();

	/** Hand-off notes written during the run and not yet acknowledged: house, writer, note. */
	static final java.util.concurrent.ConcurrentLinkedQueue<String[]> NOTES = new java.util.concurrent.ConcurrentLinkedQueue<>();

	public ProgramDaySimulation() {
		Milieu.Api director = new Milieu.Api(Milieu.signIn(List.of("director")).get(0));
		Milieu.Community community = Milieu.Community.read(director);
		String bayview = community.house("Bayview House");
		String linden = community.house("Linden House");
		for (String house : List.of(bayview, linden)) {
			observeSome(director, community, house, 4);
		}

		List<String> shiftNames = Milieu.repeat(List.of("staff", "staff2", "staff", "staff2", "nurse"), SHIFT_CHANGE);
		List<String> readNames = new ArrayList<>();
		readNames.addAll(Milieu.repeat(List.of("staff", "staff2"), 70));
		readNames.addAll(Milieu.repeat(List.of("nurse"), 15));
		readNames.addAll(Milieu.repeat(List.of("clinician"), 14));
		readNames.addAll(Milieu.repeat(List.of("clinician2"), 10));
		readNames.addAll(Milieu.repeat(List.of("director"), 10));
		List<String> residentNames = new ArrayList<>();
		for (int i = 1; i <= RESIDENTS; i++) {
			residentNames.add("resident%02d".formatted(i));
		}
		List<String> all = new ArrayList<>(shiftNames);
		all.addAll(readNames);
		all.addAll(residentNames);
		all.add("clinician");
		List<Milieu.SignedIn> sessions = Milieu.signIn(all);

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate monday = today.with(DayOfWeek.MONDAY);
		List<Map<String, Object>> shiftFeed = new ArrayList<>();
		List<Map<String, Object>> readFeed = new ArrayList<>();
		List<Map<String, Object>> residentFeed = new ArrayList<>();
		for (int i = 0; i < sessions.size() - 1; i++) {
			Milieu.SignedIn s = sessions.get(i);
			Map<String, Object> record = s.feed();
			record.put("today", today.toString());
			record.put("weekEnd", today.plusDays(6).toString());
			record.put("monday", monday.toString());
			String name = s.username();
			List<String> houses = community.housesOf(name);
			if (i < SHIFT_CHANGE) {
				record.put("houses", houses);
				shiftFeed.add(record);
			}
			else if (i < SHIFT_CHANGE + READERS) {
				List<String> reach = switch (name) {
					case "director", "clinician", "nurse" -> community.allResidents();
					case "clinician2" -> community.residentsOf(linden);
					default -> community.residentsIn(houses);
				};
				record.put("reach", reach);
				record.put("outside", name.equals("clinician2") ? community.residentsOf(bayview)
						: name.startsWith("staff") ? community.residentsOutside(houses) : List.of());
				readFeed.add(record);
			}
			else {
				record.put("me", community.residentIdOf(name));
				residentFeed.add(record);
			}
		}
		Map<String, Object> engineSession = sessions.get(sessions.size() - 1).feed();

		ScenarioBuilder shiftChange = scenario("shift change").feed(listFeeder(shiftFeed).circular())
			.exec(Milieu.useSignedInSession())
			.exec(session -> {
				List<String> houses = session.getList("houses");
				return session.set("house", houses.get(ThreadLocalRandom.current().nextInt(houses.size())));
			})
			.exec(http("hand-off notes").get("/api/v1/staffing/handoff-notes").check(status().is(200)))
			.pause(1, 3)
			.exec(ProgramDaySimulation::noteToAcknowledge)
			.doIf(session -> session.contains("note")).then(
					exec(http("acknowledge hand-off note").post("/api/v1/staffing/handoff-notes/#{note}/acknowledge")
						.header(XSRF, "#{xsrf}").check(status().is(200)))
						.exec(session -> session.remove("note"))
						.pause(1, 3))
			.exec(http("house census").get("/api/v1/residents?houseId=#{house}")
				.check(status().is(200), jsonPath("$[*].id").findAll().saveAs("residentIds")))
			.exitHereIfFailed()
			.pause(1, 3)
			.exec(http("census page").get("/residents?house=#{house}").header("Accept", "text/html").check(status().is(200)))
			.pause(1, 3)
			.exec(savePointSheet())
			.pause(1, 3)
			.exec(http("house rounds").get("/api/v1/houses/#{house}/rounds")
				.check(status().is(200), jsonPath("$[*].residentId").findAll().optional().saveAs("observed")))
			.doIf(session -> session.contains("observed")).then(
					exec(session -> session.set("round", roundBody(session.getList("observed"))))
						.pause(1, 3)
						.exec(http("record observation round").post("/api/v1/houses/#{house}/observations").header(XSRF, "#{xsrf}")
							.body(StringBody("#{round}")).asJson().check(status().is(201))))
			.pause(1, 3)
			.doIf(session -> ThreadLocalRandom.current().nextBoolean()).then(
					exec(http("write hand-off note").post("/api/v1/staffing/handoff-notes").header(XSRF, "#{xsrf}")
						.body(StringBody("{\"houseId\": \"#{house}\", \"body\": \"Quiet shift; two residents on evening pass, both back before curfew.\"}"))
						.asJson().check(status().is(201), jsonPath("$.id").saveAs("written")))
						.doIf(session -> session.contains("written")).then(exec(session -> {
							NOTES.add(new String[] { session.getString("house"), session.getString("username"), session.getString("written") });
							return session.remove("written");
						})));

		ScenarioBuilder reads = scenario("the day's reads").feed(listFeeder(readFeed).circular())
			.exec(Milieu.useSignedInSession())
			.exec(session -> session.set("resident", any(session.getList("reach"))))
			.exec(http("resident profile").get("/api/v1/residents/#{resident}").check(status().is(200)))
			.pause(1, 3)
			.exec(http("level evidence").get("/api/v1/residents/#{resident}/level").check(status().is(200)))
			.pause(1, 3)
			.exec(http("open level reviews").get("/api/v1/level-reviews?status=open&limit=20").check(status().is(200)))
			.pause(1, 3)
			.exec(http("staff roster").get("/api/v1/staffing/roster?from=#{today}&to=#{weekEnd}").check(status().is(200)))
			.pause(1, 3)
			.exec(http("work roster").get("/api/v1/job-assignments?from=#{monday}&to=#{monday}&limit=50").check(status().is(200)))
			.pause(1, 3)
			.doIf(session -> !session.getList("outside").isEmpty()).then(
					exec(session -> session.set("other", any(session.getList("outside"))))
						.exec(http("refused: resident outside one's care").get("/api/v1/residents/#{other}")
							.check(status().is(403), jsonPath("$.type").is("urn:milieu:problem:forbidden")))
						.pause(1, 3));

		ScenarioBuilder residents = scenario("residents").feed(listFeeder(residentFeed).circular())
			.exec(Milieu.useSignedInSession())
			.exec(http("my level (page)").get("/me/level").header("Accept", "text/html").check(status().is(200)))
			.pause(1, 3)
			.exec(http("my level evidence").get("/api/v1/residents/#{me}/level").check(status().is(200)))
			.pause(1, 3)
			.exec(http("my ratings").get("/api/v1/residents/#{me}/shift-ratings").check(status().is(200)))
			.pause(1, 3)
			.exec(http("meetings").get("/api/v1/meetings?limit=10").check(status().is(200)))
			.pause(1, 3)
			.exec(http("my action items").get("/api/v1/action-items?status=open").check(status().is(200)))
			.pause(1, 3);

		ScenarioBuilder engine = scenario("review engine").feed(listFeeder(List.of(engineSession)).circular())
			.exec(Milieu.useSignedInSession())
			.exec(http("run the review engine").post("/api/v1/level-reviews/run").header(XSRF, "#{xsrf}")
				.check(status().is(200), jsonPath("$.residents").ofInt().gt(0)))
			.pause(Duration.ofSeconds(20));

		setUp(closed(shiftChange, SHIFT_CHANGE), closed(reads, READERS), closed(residents, RESIDENTS), closed(engine, 1))
			.protocols(Milieu.protocol())
			.assertions(global().responseTime().percentile(99.0).lte(200), global().failedRequests().count().is(0L));
	}

	private static PopulationBuilder closed(ScenarioBuilder scenario, int users) {
		return scenario.injectClosed(rampConcurrentUsers(0).to(users).during(RAMP), constantConcurrentUsers(users).during(STEADY));
	}

	private static String any(List<String> ids) {
		return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
	}

	/** Puts {@code wanted} residents of the house on checks every 15 minutes, counting those on observation already. */
	private static void observeSome(Milieu.Api director, Milieu.Community community, String house, int wanted) {
		Set<String> observed = new HashSet<>();
		for (JsonNode entry : director.get("/api/v1/houses/" + house + "/rounds")) {
			observed.add(entry.get("residentId").asText());
		}
		for (String resident : community.residentsOf(house)) {
			if (observed.size() >= wanted) {
				return;
			}
			if (observed.add(resident)) {
				director.post("/api/v1/residents/" + resident + "/observation-orders",
						Map.of("frequency", "EVERY_15", "reason", "Checks on every round while settling in."), 201);
			}
		}
	}

	/** A note of one of this person's houses, written by someone else, not yet acknowledged. */
	private static Session noteToAcknowledge(Session session) {
		List<String> houses = session.getList("houses");
		String me = session.getString("username");
		for (String[] note : NOTES) {
			if (houses.contains(note[0]) && !note[1].equals(me) && NOTES.remove(note)) {
				return session.set("note", note[2]);
			}
		}
		return session;
	}

	/** Saves the house's point sheet at the next free date and shift (a second try only after a run on the same data). */
	private static ChainBuilder savePointSheet() {
		return exec(session -> session.set("sheetSaved", false).set("sheetTries", 0))
			.asLongAs(session -> !session.getBoolean("sheetSaved") && session.getInt("sheetTries") < 20).on(
					exec(session -> session.set("sheet", sheetBody(session.getString("house"), session.getList("residentIds")))
						.set("sheetTries", session.getInt("sheetTries") + 1))
						.exec(http("save point sheet").post("/api/v1/houses/#{house}/shift-ratings").header(XSRF, "#{xsrf}")
							.body(StringBody("#{sheet}")).asJson()
							.check(status().in(201, 422).saveAs("sheetStatus"))
							.checkIf((response, session) -> response.status().code() == 422)
							.then(jsonPath("$.errors[0].field").is("shiftDate")))
						.exitHereIfFailed()
						.exec(session -> session.set("sheetSaved", session.getInt("sheetStatus") == 201)));
	}

	private static String sheetBody(String house, List<String> residents) {
		int n = SHEETS.computeIfAbsent(house, h -> new java.util.concurrent.atomic.AtomicInteger()).getAndIncrement();
		LocalDate date = LocalDate.now(ZoneOffset.UTC).minusDays(400 + n / SHIFTS.length);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder body = new StringBuilder("{\"shiftDate\": \"").append(date).append("\", \"shift\": \"")
			.append(SHIFTS[n % SHIFTS.length]).append("\", \"entries\": [");
		for (int i = 0; i < residents.size(); i++) {
			body.append(i == 0 ? "" : ", ").append("{\"residentId\": \"").append(residents.get(i)).append("\", \"ratings\": [")
				.append("{\"domain\": \"SAFETY\", \"value\": 1}");
			for (String domain : List.of("ORIENTATION", "HYGIENE", "GROUP_PARTICIPATION", "RESPONSIBILITY", "RESPECT")) {
				body.append(", {\"domain\": \"").append(domain).append("\", \"value\": ").append(1 + random.nextInt(4)).append('}');
			}
			body.append("]}");
		}
		return body.append("]}").toString();
	}

	private static String roundBody(List<String> residents) {
		StringBuilder body = new StringBuilder("{\"observations\": [");
		for (int i = 0; i < residents.size(); i++) {
			body.append(i == 0 ? "" : ", ").append("{\"residentId\": \"").append(residents.get(i))
				.append("\", \"location\": \"Day room\", \"activity\": \"Reading\", \"moodBehaviour\": \"Settled\"}");
		}
		return body.append("]}").toString();
	}
}
