package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.milieu.client.ApiClient;
import org.milieu.client.api.CompletionApiApi;
import org.milieu.client.api.HouseApiApi;
import org.milieu.client.api.LevelApiApi;
import org.milieu.client.api.MeetingApiApi;
import org.milieu.client.api.MeetingLifecycleApiApi;
import org.milieu.client.api.MotionApiApi;
import org.milieu.client.api.ResidentApiApi;
import org.milieu.client.api.RosterListingApiApi;
import org.milieu.client.api.RoundsApiApi;
import org.milieu.client.api.ShiftRatingApiApi;
import org.milieu.client.api.UserApiApi;
import org.milieu.client.api.WorkListingApiApi;
import org.milieu.client.model.GovernmentMeetingApiMeetingRequest;
import org.milieu.client.model.GovernmentMeetingLifecycleApiAttendanceRequest;
import org.milieu.client.model.GovernmentMotionApiBallotRequest;
import org.milieu.client.model.GovernmentMotionApiMotionRequest;
import org.milieu.client.model.LevelsLevelApiEvidenceResponse;
import org.milieu.client.model.LevelsRoundsApiObservationRequest;
import org.milieu.client.model.LevelsRoundsApiOrderRequest;
import org.milieu.client.model.LevelsShiftRatingApiEntryRequest;
import org.milieu.client.model.LevelsShiftRatingApiRatingRequest;
import org.milieu.client.model.LevelsShiftRatingApiSheetRequest;
import org.milieu.client.model.ResidentsHouseApiBedResponse;
import org.milieu.client.model.ResidentsHouseApiHouseResponse;
import org.milieu.client.model.ResidentsResidentApiAdmitRequest;
import org.milieu.client.model.ResidentsResidentApiDischargeRequest;
import org.milieu.client.model.ResidentsResidentApiResidentResponse;
import org.milieu.client.model.WorkAssignment;
import org.milieu.client.model.WorkCompletion;
import org.milieu.client.model.WorkCompletionApiMarkRequest;
import org.milieu.identity.HttpSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A day of the program through the Java client generated from the committed API description
 * ({@code docs/openapi.json}), over real HTTP: admit a resident, save a point sheet, record an
 * observation round, hold a community meeting with a vote, verify a job, read the level evidence,
 * discharge with the PDF summary. Only signing in is written by hand (the sign-in form, then an
 * API token per person); every other call is the generated client's. When the description and
 * the API part ways, this test does not compile or fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DayOfTheProgramClientTests {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aDayOfTheProgramRunsThroughTheGeneratedClientAlone() throws Exception {
		ApiClient director = client("director");
		// the program's own day: shifts and admissions are dated in the program's time zone, not in UTC
		java.time.ZoneId zone = java.time.ZoneId.of(jdbc.sql("select p.time_zone from platform_program p "
				+ "join identity_account a on a.program_id = p.id where a.username = 'director'").query(String.class).single());
		LocalDate today = clock.instant().atZone(zone).toLocalDate();

		// where resident01 lives, found as a client would: the accounts name their residents
		UUID resident01 = resident(director, "resident01");
		List<ResidentsResidentApiResidentResponse> census = new ResidentApiApi(director).residentList(null);
		UUID house = census.stream().filter(r -> r.getId().equals(resident01)).findFirst().orElseThrow().getHouseId();
		ResidentsHouseApiHouseResponse home = new HouseApiApi(director).houseGet(house);

		// the program opens a house and admits a resident to its first bed (a house of its own, so the point
		// sheet below is the house's first whatever the hour: the demo houses have sheets for every past shift)
		ResidentsHouseApiHouseResponse opened = new HouseApiApi(director).houseFound(
			new org.milieu.client.model.ResidentsHouseApiNewHouseRequest().name("Day house " + UUID.randomUUID().toString()
				.substring(0, 6)).kind(org.milieu.client.model.ResidentsHouseApiNewHouseRequest.KindEnum.MIXED).beds(2), null);
		UUID ward = opened.getId();
		ResidentsHouseApiBedResponse bed = new HouseApiApi(director).houseBeds(ward, false).get(0);
		UUID admitted = new ResidentApiApi(director).residentAdmit(new ResidentsResidentApiAdmitRequest()
			.givenName("Client").familyName("Day " + UUID.randomUUID().toString().substring(0, 6))
			.birthDate(LocalDate.of(1990, 4, 2)).houseId(ward).bedId(bed.getId()).admittedOn(today.minusDays(1)), null)
			.getResident().getId();
		assertThat(new ResidentApiApi(director).residentGet(admitted).getId()).isEqualTo(admitted);

		// a point sheet for yesterday's day shift (today's has not started before 07:00), six domains
		LevelsShiftRatingApiEntryRequest entry = new LevelsShiftRatingApiEntryRequest().residentId(admitted);
		for (LevelsShiftRatingApiRatingRequest.DomainEnum domain : LevelsShiftRatingApiRatingRequest.DomainEnum.values()) {
			entry.addRatingsItem(new LevelsShiftRatingApiRatingRequest().domain(domain)
				.value(domain == LevelsShiftRatingApiRatingRequest.DomainEnum.SAFETY ? 0 : 3));
		}
		new ShiftRatingApiApi(director).shiftRatingRateSheet(ward, new LevelsShiftRatingApiSheetRequest().shiftDate(today.minusDays(1))
			.shift(LevelsShiftRatingApiSheetRequest.ShiftEnum.DAY).addEntriesItem(entry), null);
		assertThat(new ShiftRatingApiApi(director).shiftRatingForResident(admitted, today.minusDays(1), today)).hasSize(6);

		// an observation order and a round
		new RoundsApiApi(director).roundsOrder(admitted, new LevelsRoundsApiOrderRequest()
			.frequency(LevelsRoundsApiOrderRequest.FrequencyEnum.EVERY_30).reason("First night in the house"), null);
		new RoundsApiApi(director).roundsObserve(admitted, new LevelsRoundsApiObservationRequest()
			.observedAt(OffsetDateTime.now(clock)).location("Bedroom").activity("Resting").safetyConcern(false), null);
		assertThat(new RoundsApiApi(director).roundsRounds(ward))
			.anySatisfy(due -> {
				assertThat(due.getResidentId()).isEqualTo(admitted);
				assertThat(due.getLastCheck()).isNotNull();
			});

		// a community meeting of the house: everyone present, a motion moved, seconded, voted, carried
		UUID meeting = new MeetingApiApi(director).meetingSchedule(new GovernmentMeetingApiMeetingRequest().houseId(house)
			.kind(GovernmentMeetingApiMeetingRequest.KindEnum.AD_HOC).title("House meeting").startsAt(OffsetDateTime.now(clock).plusMinutes(30)), null).getId();
		new MeetingLifecycleApiApi(director).meetingLifecycleOpen(meeting, null);
		List<UUID> members = census.stream().filter(r -> r.getHouseId().equals(house))
			.map(ResidentsResidentApiResidentResponse::getId).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
		new MeetingLifecycleApiApi(director).meetingLifecycleAttendance(meeting,
				new GovernmentMeetingLifecycleApiAttendanceRequest().present(members), null);
		List<String> voters = housemates(director, house, 3);
		UUID motion = new MotionApiApi(client(voters.get(0))).motionMove(meeting, new GovernmentMotionApiMotionRequest()
			.kind(GovernmentMotionApiMotionRequest.KindEnum.ORDINARY).text("Quiet hours start at ten on weekdays."), null).getId();
		new MotionApiApi(client(voters.get(1))).motionSecond(motion, null);
		for (String voter : voters) {
			assertThat(new MotionApiApi(client(voter)).motionCast(motion, new GovernmentMotionApiBallotRequest().choice(GovernmentMotionApiBallotRequest.ChoiceEnum.YES),
					null).getCode()).isNotBlank();
		}
		new MotionApiApi(director).motionClose(motion, null);
		var result = new MotionApiApi(director).motionResult(motion);
		assertThat(result.getYes()).isEqualTo(voters.size());
		assertThat(result.getCarried()).isTrue();

		// a job verified: a coordinator's mark waiting for staff, or today's occurrence marked by staff
		WorkCompletion verified = verifyAJob(director, today);
		assertThat(verified.getVerifiedAt()).isNotNull();

		// the level evidence of that worker shows the verified work, with where it came from
		LevelsLevelApiEvidenceResponse evidence = new LevelApiApi(director).levelLevel(verified.getResidentId());
		assertThat(evidence.getResidentId()).isEqualTo(verified.getResidentId());
		for (var criterion : evidence.getCriteria()) {
			if ("WORK_COMPLETION".equals(String.valueOf(criterion.getKind()))) {
				assertThat(new LevelApiApi(director).levelEntries(verified.getResidentId(), criterion.getName()))
					.anySatisfy(e -> assertThat(e.getOrigin().getId()).isEqualTo(verified.getId()));
			}
		}

		// the admitted resident's evidence for the next level counts yesterday's point sheet
		LevelsLevelApiEvidenceResponse newcomer = new LevelApiApi(director).levelLevel(admitted);
		assertThat(newcomer.getLevel()).isEqualTo(1);
		List<String> rated = new ArrayList<>();
		for (var criterion : newcomer.getCriteria()) {
			if (String.valueOf(criterion.getKind()).startsWith("RATING_")) {
				new LevelApiApi(director).levelEntries(admitted, criterion.getName()).stream()
					.filter(e -> today.minusDays(1).equals(e.getOn())).forEach(e -> rated.add(criterion.getName()));
			}
		}
		assertThat(rated).as("rating criteria with yesterday's sheet among their entries").isNotEmpty();

		// discharge, with the summary as a PDF
		new ResidentApiApi(director).residentDischarge(admitted, new ResidentsResidentApiDischargeRequest().dischargedOn(today)
			.type(ResidentsResidentApiDischargeRequest.TypeEnum.COMPLETED).reason("Moved to outpatient care"), null);
		File summary = new ResidentApiApi(director).residentDischargeSummary(admitted);
		assertThat(new String(Files.readAllBytes(summary.toPath()), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");
		assertThat(new ResidentApiApi(director).residentList(ward)).noneMatch(r -> r.getId().equals(admitted));
		assertThat(home.getId()).isEqualTo(house);
	}

	private WorkCompletion verifyAJob(ApiClient staff, LocalDate today) throws Exception {
		List<WorkCompletion> waiting = new WorkListingApiApi(staff)
			.workListingCompletions(null, null, null, "AWAITING", null, null, null, 200).getItems();
		if (!waiting.isEmpty()) {
			return new CompletionApiApi(staff).completionVerify(waiting.get(0).getId(), null);
		}
		for (WorkAssignment assignment : new RosterListingApiApi(staff)
			.rosterListingAssignments(null, null, null, null, today.minusDays(6), today, null, 200).getItems()) {
			boolean scheduledToday = assignment.getDays().contains(today.getDayOfWeek().getValue())
					&& !assignment.getWeekStart().isAfter(today) && assignment.getWeekStart().plusDays(6).isAfter(today.minusDays(1))
					&& assignment.getLeftOn() == null && "PUBLISHED".equals(String.valueOf(assignment.getRosterStatus()));
			if (!scheduledToday) {
				continue;
			}
			List<WorkCompletion> marked = new WorkListingApiApi(staff)
				.workListingCompletions(assignment.getResidentId(), null, assignment.getJobId(), null, today, today, null, 200)
				.getItems();
			if (marked.isEmpty()) {
				return new CompletionApiApi(staff).completionMark(assignment.getId(), new WorkCompletionApiMarkRequest()
					.date(today).outcome(WorkCompletionApiMarkRequest.OutcomeEnum.DONE), null);
			}
		}
		throw new AssertionError("no job to verify: no mark waiting and no occurrence today left to mark");
	}

	/** The resident the account of {@code username} belongs to. */
	private static UUID resident(ApiClient director, String username) throws Exception {
		return new UserApiApi(director).userList().stream().filter(u -> username.equals(u.getUsername())).findFirst()
			.orElseThrow().getResidentId();
	}

	/** The first {@code count} demo residents with an account who live in {@code house}. */
	private List<String> housemates(ApiClient director, UUID house, int count) throws Exception {
		List<String> found = new ArrayList<>();
		Map<UUID, UUID> homes = new java.util.HashMap<>();
		new ResidentApiApi(director).residentList(house).forEach(r -> homes.put(r.getId(), r.getHouseId()));
		for (var user : new UserApiApi(director).userList()) {
			if (user.getUsername().matches("resident\\d\\d") && user.getResidentId() != null
					&& house.equals(homes.get(user.getResidentId())) && found.size() < count) {
				found.add(user.getUsername());
			}
		}
		assertThat(found).hasSize(count);
		java.util.Collections.sort(found);
		return found;
	}

	/**
	 * A client acting as {@code username}: signed in with the form, then given an API token made
	 * from that session (the one call written by hand), which the client sends as a bearer token.
	 */
	private ApiClient client(String username) throws Exception {
		HttpClient browser = HttpSignIns.signedIn(port, username);
		CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
		String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue).findFirst().orElseGet(() -> {
				try {
					browser.send(HttpSignIns.request(port, "/account").build(), HttpResponse.BodyHandlers.discarding());
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
					.map(HttpCookie::getValue).findFirst().orElseThrow();
			});
		HttpResponse<String> issued = browser.send(HttpSignIns.request(port, "/api/v1/tokens")
			.header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"day of the program\", \"expiresInDays\": 1}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		Matcher token = TOKEN.matcher(issued.body());
		assertThat(token.find()).isTrue();
		String bearer = "Bearer " + token.group(1);
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + port);
		client.setRequestInterceptor(request -> request.header("Authorization", bearer));
		return client;
	}
}
