package org.milieu.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.Moves;
import org.milieu.sessions.AttendanceFixtures.House;
import org.milieu.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A kind's minimum level and mandatory levels at work, and a resident who moves house: below the
 * minimum on an occurrence's day a resident is not expected at a house's session, may not be named
 * nor walk in (refused naming them and the level); an absence counts as a miss in the level
 * evidence only from a kind mandatory at the resident's level that day; after a move the resident's
 * sessions, day and feed are the new house's from the day of the move.
 */
@MilieuWebTest
class SessionLevelsTests {

	@Autowired
	AttendanceFixtures fixtures;

	@Autowired
	Sessions sessions;

	@Autowired
	SessionAttendance attendance;

	@Autowired
	ExpectedAttendees expected;

	@Autowired
	Occurrences occurrences;

	@Autowired
	SessionCalendar calendar;

	@Autowired
	CalendarFeeds feeds;

	@Autowired
	ResidentLevels levels;

	@Autowired
	Houses houses;

	@Autowired
	Moves moves;

	@Autowired
	Accounts accounts;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	MilieuUser director() {
		return signIns.user("director");
	}

	Session weekly(House h, String code, String title, LocalDate first, LocalTime at, UUID attendeeHouse) {
		return booked(time -> new NewSession(fixtures.type(code), title, attendeeHouse, null, first, time, null, "FREQ=WEEKLY",
				AttendeeKind.HOUSE, attendeeHouse, null, null, List.of(h.staffId())), at);
	}

	/**
	 * Booked at {@code at}, or, when the residents are held then today by a community meeting another test booked
	 * relative to the clock, at a time of day far from it (the tests read the time from the session).
	 */
	Session booked(java.util.function.Function<LocalTime, NewSession> session, LocalTime at) {
		return booked(session, at, LocalTime.of(3, 0), LocalTime.of(21, 0));
	}

	Session booked(java.util.function.Function<LocalTime, NewSession> session, LocalTime... times) {
		return AttendanceFixtures.atFirstFreeTime(sessions, director(), session, times);
	}

	/** A time of day as a calendar feed writes it after a date: T170000. */
	private static String compact(LocalTime time) {
		return "T" + time.format(java.time.format.DateTimeFormatter.ofPattern("HHmmss"));
	}

	int sessionCount() {
		return jdbc.sql("select count(*) from sessions_session").query(Integer.class).single();
	}

	@Test
	void aResidentBelowTheKindsMinimumLevelOnTheOccurrencesDayIsNotExpectedAtTheHouseSession() {
		House h = fixtures.house();
		LocalDate today = fixtures.today();
		UUID ana = h.residents().get(0);
		UUID ben = h.residents().get(1);
		levels.assign(fixtures.program(), ben, Level.STABILISATION, today.minusDays(10), "director", "Steady fortnight");
		// peer role modelling is for residents from level 2
		Session peers = weekly(h, "PEER_ROLE_MODELLING", "Peer circle", today.minusDays(14), LocalTime.of(16, 0), h.id());
		Session check = weekly(h, "COMMUNITY_SUPPORT", "House check-in", today.minusDays(14), LocalTime.of(10, 0), h.id());

		assertThat(expected.residents(fixtures.program(), peers.id(), today.minusDays(14))).as("ben was at level 1 then")
			.isEmpty();
		assertThat(expected.residents(fixtures.program(), peers.id(), today.minusDays(7))).containsExactly(ben);
		assertThat(expected.residents(fixtures.program(), check.id(), today.minusDays(7))).as("no minimum: everyone")
			.containsExactlyInAnyOrderElementsOf(h.residents());
		assertThat(occurrences.ofResident(fixtures.program(), ana, today.minusDays(14), today)).extracting(Occurrence::sessionId)
			.doesNotContain(peers.id()).contains(check.id());
		assertThat(calendar.residentDay(director(), ben, today.minusDays(7))).extracting(Occurrence::sessionId)
			.contains(peers.id(), check.id());
		assertThat(calendar.residentDay(director(), ana, today.minusDays(7))).extracting(Occurrence::sessionId)
			.containsExactly(check.id());
	}

	@Test
	void namingAResidentBelowTheMinimumIsRefusedInTheApiAndOnThePageNamingThemAndTheLevelStoringNothing() throws Exception {
		House h = fixtures.house();
		LocalDate today = fixtures.today();
		UUID ana = h.residents().get(0);
		int before = sessionCount();

		mvc.perform(post("/api/v1/sessions").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"typeId\": \"" + fixtures.type("PEER_ROLE_MODELLING") + "\", \"title\": \"Peer pair\", \"houseId\": \""
					+ h.id() + "\", \"firstOn\": \"" + today.plusDays(2) + "\", \"startsAt\": \"16:00\", \"attendeeKind\": "
					+ "\"RESIDENTS\", \"residents\": [\"" + ana + "\"], \"facilitators\": [\"" + h.staffId() + "\"]}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("residents"))
			.andExpect(jsonPath("$.detail", containsString("Ana Roll A")))
			.andExpect(jsonPath("$.detail", containsString("from level 2")));
		mvc.perform(post("/sessions").with(signIns.as("director")).with(csrf())
			.param("typeId", fixtures.type("PEER_ROLE_MODELLING").toString()).param("title", "Peer pair")
			.param("houseId", h.id().toString()).param("firstOn", today.plusDays(2).toString()).param("startsAt", "16:00")
			.param("attendees", "RESIDENTS").param("residents", ana.toString()).param("facilitators", h.staffId().toString()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("Ana Roll A")))
			.andExpect(content().string(containsString("this kind of session is for residents from level 2")));
		assertThat(sessionCount()).isEqualTo(before);

		levels.assign(fixtures.program(), ana, Level.STABILISATION, today, "director", "Ready for peers");
		Session named = sessions.schedule(director(), new NewSession(fixtures.type("PEER_ROLE_MODELLING"), "Peer pair", h.id(),
				null, today.plusDays(2), LocalTime.of(16, 0), null, null, AttendeeKind.RESIDENTS, null, null, List.of(ana),
				List.of(h.staffId())));
		assertThat(named.residents()).as("at level 2 she may be named").containsExactly(ana);
	}

	@Test
	void aWalkInBelowTheMinimumIsRefusedAtTheRollCallAndNotOffered() {
		House h = fixtures.house();
		LocalDate today = fixtures.today();
		UUID ana = h.residents().get(0);
		UUID ben = h.residents().get(1);
		levels.assign(fixtures.program(), ben, Level.STABILISATION, today.minusDays(3), "director", "Steady days");
		Session peers = booked(at -> new NewSession(fixtures.type("PEER_ROLE_MODELLING"), "Peer circle", h.id(), null, today, at,
				null, null, AttendeeKind.HOUSE, h.id(), null, null, List.of(h.staffId())), LocalTime.of(16, 0));
		MilieuUser staff = fixtures.staffOf(h);

		assertThat(attendance.walkInChoices(staff, peers.id(), today)).extracting(RollCall.Line::residentId)
			.doesNotContain(ana);
		assertThatThrownBy(() -> attendance.mark(staff, peers.id(), today, ana, AttendanceStatus.PRESENT, null, true))
			.isInstanceOfSatisfying(RuleViolation.class, refused -> {
				assertThat(refused.code()).isEqualTo("session.resident.belowMinimumLevel");
				assertThat(refused.field()).isEqualTo("residentId");
				assertThat(refused.arguments()).contains(2);
				assertThat(String.valueOf(refused.arguments()[0])).startsWith("Ana Roll A");
			});
		assertThat(attendance.roll(staff, peers.id(), today).lines()).extracting(RollCall.Line::residentId)
			.containsExactly(ben);
	}

	@Test
	void anAbsenceCountsAsAMissOnlyFromAKindMandatoryAtTheResidentsLevelThatDay() throws Exception {
		House h = fixtures.house();
		LocalDate yesterday = fixtures.today().minusDays(1);
		UUID ana = h.residents().get(0);
		UUID ben = h.residents().get(1);
		levels.assign(fixtures.program(), ben, Level.RESPONSIBILITY, yesterday.minusDays(5), "director", "A good month");
		UUID clinician = signIns.user(h.clinician()).accountId();
		// community support is mandatory at levels 1 to 4, psychiatric support at none, social skills at levels 1 and 2
		Session mandatory = fixtures.groupOn(h, yesterday);
		Session voluntary = sessions.schedule(director(), new NewSession(fixtures.type("PSYCHIATRIC_SUPPORT"), "Medication talk",
				h.id(), null, yesterday, LocalTime.of(14, 0), null, null, AttendeeKind.HOUSE, h.id(), null, null,
				List.of(clinician)));
		Session skills = sessions.schedule(director(), new NewSession(fixtures.type("SOCIAL_SKILLS"), "Saying no", h.id(), null,
				yesterday, LocalTime.of(17, 0), null, null, AttendeeKind.HOUSE, h.id(), null, null, List.of(h.staffId())));
		MilieuUser staff = fixtures.staffOf(h);
		attendance.mark(staff, mandatory.id(), yesterday, ana, AttendanceStatus.ABSENT, null, false);
		attendance.mark(staff, voluntary.id(), yesterday, ana, AttendanceStatus.ABSENT, null, false);
		attendance.mark(staff, voluntary.id(), yesterday, ben, AttendanceStatus.PRESENT, null, false);
		attendance.mark(staff, skills.id(), yesterday, ben, AttendanceStatus.ABSENT, null, false);

		String anas = mvc.perform(get("/api/v1/residents/" + ana + "/level/criteria/groups/entries").with(signIns.as(h.staff())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> anaOutcomes = JsonPath.read(anas, "$[*].outcomeKey");
		assertThat(anaOutcomes).as("one miss: the mandatory check-in; the voluntary talk is left out")
			.containsExactly("fact.outcome.ABSENT");
		List<String> missed = JsonPath.read(anas, "$[?(@.outcomeKey == 'fact.outcome.ABSENT')].origin.id");
		assertThat(missed).containsExactly(mandatory.id().toString());

		String bens = mvc.perform(get("/api/v1/residents/" + ben + "/level/criteria/groups/entries").with(signIns.as(h.staff())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> benOutcomes = JsonPath.read(bens, "$[*].outcomeKey");
		assertThat(benOutcomes).as("at level 3 social skills is voluntary; a voluntary session attended still counts")
			.containsExactly("fact.outcome.ATTENDED");
	}

	@Test
	void aResidentWhoMovedHouseIsExpectedAtTheNewHousesSessionsFromTheDayOfTheMoveInTheirDayAndFeed() throws Exception {
		House h = fixtures.house();
		LocalDate today = fixtures.today();
		LocalDate movedOn = today.minusDays(7);
		UUID ana = h.residents().get(0);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID linden = houses.found(fixtures.program(), new HouseDetails("Move " + suffix, HouseKind.MIXED, null), 2).id();
		Session old = weekly(h, "COMMUNITY_SUPPORT", "Old house check-in", today.minusDays(14), LocalTime.of(10, 0), h.id());
		Session fresh = weekly(h, "COMMUNITY_SUPPORT", "New house check-in", today.minusDays(14), LocalTime.of(15, 0), linden);
		moves.move(director(), ana, houses.beds(fixtures.program(), linden).get(0).id(), movedOn, "Room with a window");

		assertThat(expected.residents(fixtures.program(), old.id(), today.minusDays(14))).contains(ana);
		assertThat(expected.residents(fixtures.program(), old.id(), movedOn)).doesNotContain(ana)
			.contains(h.residents().get(1));
		assertThat(expected.residents(fixtures.program(), fresh.id(), today.minusDays(14))).doesNotContain(ana);
		assertThat(expected.residents(fixtures.program(), fresh.id(), movedOn)).containsExactly(ana);

		assertThat(occurrences.ofResident(fixtures.program(), ana, today.minusDays(14), today))
			.extracting(o -> o.sessionId() + "@" + o.occursOn())
			.containsExactlyInAnyOrder(old.id() + "@" + today.minusDays(14), fresh.id() + "@" + movedOn,
					fresh.id() + "@" + today);
		assertThat(calendar.residentDay(director(), ana, today.minusDays(14))).extracting(Occurrence::sessionId)
			.containsExactly(old.id());
		assertThat(calendar.residentDay(director(), ana, movedOn)).extracting(Occurrence::sessionId)
			.containsExactly(fresh.id());

		String username = "moved-" + suffix;
		accounts.open(new NewAccount(fixtures.program(), username, "Ana " + suffix, null, Set.of(Role.RESIDENT), ana));
		String token = feeds.create(signIns.user(username), CalendarFeedKind.RESIDENT, null, Locale.ENGLISH).token();
		String text = mvc.perform(get("/calendar/" + token + ".ics")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Calendar parsed = new CalendarBuilder().build(new StringReader(text));
		List<VEvent> events = parsed.<VEvent>getComponents("VEVENT");
		VEvent oldHouse = events.stream().filter(e -> value(e, Property.DTSTART).endsWith(compact(old.startsAt())))
			.filter(e -> !value(e, Property.UID).startsWith(fresh.id().toString())).findFirst().orElseThrow();
		VEvent newHouse = events.stream().filter(e -> value(e, Property.DTSTART).endsWith(compact(fresh.startsAt())))
			.filter(e -> !value(e, Property.UID).startsWith(old.id().toString())).findFirst().orElseThrow();
		assertThat(events).hasSize(2);
		assertThat(value(oldHouse, Property.UID)).as("the old house's series keeps its name").startsWith(old.id().toString());
		assertThat(value(oldHouse, Property.DTSTART)).startsWith(compact(today.minusDays(14)));
		assertThat(value(oldHouse, Property.RRULE)).as("it stops before the move").contains("UNTIL=" + compact(today.minusDays(14)));
		assertThat(value(newHouse, Property.DTSTART)).as("the new house's from the move").startsWith(compact(movedOn));
		assertThat(value(newHouse, Property.RRULE)).doesNotContain("UNTIL");
	}

	@Test
	void aResidentWhoMovedHouseIsBookedWithTheHouseTheyStayedInOnTheDayOfTheSession() {
		House h = fixtures.house();
		LocalDate today = fixtures.today();
		UUID ana = h.residents().get(0);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID linden = houses.found(fixtures.program(), new HouseDetails("Move " + suffix, HouseKind.MIXED, null), 2).id();
		moves.move(director(), ana, houses.beds(fixtures.program(), linden).get(0).id(), today.minusDays(7), "Quieter room");
		LocalDate before = today.minusDays(10);
		sessions.schedule(director(), new NewSession(fixtures.type("COMMUNITY_SUPPORT"), "Ana's review", h.id(), null, before,
				LocalTime.of(12, 0), null, null, AttendeeKind.RESIDENTS, null, null, List.of(ana), List.of(h.staffId())));
		UUID clinician = signIns.user(h.clinician()).accountId();

		assertThatThrownBy(() -> sessions.schedule(director(), new NewSession(fixtures.type("COMMUNITY_SUPPORT"), "Old house",
				h.id(), null, before, LocalTime.of(12, 0), null, null, AttendeeKind.HOUSE, h.id(), null, null, List.of(clinician))))
			.as("she still lived in the old house that day")
			.isInstanceOfSatisfying(RuleViolation.class, refused -> {
				assertThat(refused.code()).isEqualTo("session.conflict.resident");
				assertThat(String.valueOf(refused.arguments()[0])).startsWith("Ana Roll A");
			});
		Session newHouse = sessions.schedule(director(), new NewSession(fixtures.type("COMMUNITY_SUPPORT"), "New house",
				linden, null, before, LocalTime.of(12, 0), null, null, AttendeeKind.HOUSE, linden, null, null, List.of(clinician)));
		assertThat(expected.residents(fixtures.program(), newHouse.id(), before)).as("she moved in later").isEmpty();
	}

	@Test
	void aResidentBelowTheKindsMinimumIsNotDoubleBookedByTheHouseSessionSheIsNotExpectedAt() {
		House h = fixtures.house();
		LocalDate today = fixtures.today();
		UUID ana = h.residents().get(0);
		UUID ben = h.residents().get(1);
		levels.assign(fixtures.program(), ben, Level.STABILISATION, today.minusDays(10), "director", "Steady fortnight");
		// peer role modelling is for residents from level 2: Ana (level 1) is not expected at the house's circle
		LocalTime circleAt = weekly(h, "PEER_ROLE_MODELLING", "Peer circle", today.minusDays(14), LocalTime.of(18, 0), h.id())
			.startsAt();
		LocalDate circleDay = today.plusDays(7);
		UUID clinician = signIns.user(h.clinician()).accountId();

		Session anas = sessions.schedule(director(), new NewSession(fixtures.type("COMMUNITY_SUPPORT"), "Ana's check-in", h.id(),
				null, circleDay, circleAt, null, null, AttendeeKind.RESIDENTS, null, null, List.of(ana),
				List.of(clinician)));
		assertThat(anas.id()).as("the circle does not hold her").isNotNull();
		assertThatThrownBy(() -> sessions.schedule(director(), new NewSession(fixtures.type("COMMUNITY_SUPPORT"), "Ben's check-in",
				h.id(), null, circleDay, circleAt.plusMinutes(30), null, null, AttendeeKind.RESIDENTS, null, null, List.of(ben),
				List.of(signIns.user("clinician2").accountId()))))
			.as("Ben, at level 2, is expected at the circle")
			.isInstanceOfSatisfying(RuleViolation.class, refused -> {
				assertThat(refused.code()).isEqualTo("session.conflict.resident");
				assertThat(String.valueOf(refused.arguments()[0])).startsWith("Ben Roll B");
			});
	}

	@Test
	void aNamedResidentWhoFallsBelowTheKindsMinimumIsNotExpectedFromThatDayInTheirDayFeedOrBookings() throws Exception {
		House h = fixtures.house();
		LocalDate today = fixtures.today();
		UUID ana = h.residents().get(0);
		levels.assign(fixtures.program(), ana, Level.STABILISATION, today.minusDays(21), "director", "Steady fortnight");
		Session circle = booked(at -> new NewSession(fixtures.type("PEER_ROLE_MODELLING"), "Named circle", h.id(), null,
				today.minusDays(14), at, null, "FREQ=WEEKLY", AttendeeKind.RESIDENTS, null, null, List.of(ana),
				List.of(h.staffId())), LocalTime.of(17, 0), LocalTime.of(5, 0), LocalTime.of(23, 0));
		levels.assign(fixtures.program(), ana, Level.SAFETY, today.minusDays(7), "director", "A setback");

		assertThat(expected.residents(fixtures.program(), circle.id(), today.minusDays(14))).containsExactly(ana);
		assertThat(expected.residents(fixtures.program(), circle.id(), today.minusDays(7))).as("below the minimum from then")
			.isEmpty();
		assertThat(calendar.residentDay(director(), ana, today.minusDays(14))).extracting(Occurrence::sessionId)
			.contains(circle.id());
		assertThat(calendar.residentDay(director(), ana, today.minusDays(7))).extracting(Occurrence::sessionId)
			.doesNotContain(circle.id());

		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "named-" + suffix;
		accounts.open(new NewAccount(fixtures.program(), username, "Ana " + suffix, null, Set.of(Role.RESIDENT), ana));
		String token = feeds.create(signIns.user(username), CalendarFeedKind.RESIDENT, null, Locale.ENGLISH).token();
		String text = mvc.perform(get("/calendar/" + token + ".ics")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<VEvent> events = new CalendarBuilder().build(new StringReader(text)).<VEvent>getComponents("VEVENT");
		VEvent named = events.stream().filter(e -> value(e, Property.DTSTART).endsWith(compact(circle.startsAt()))).findFirst().orElseThrow();
		assertThat(value(named, Property.RRULE)).as("the series stops before the setback")
			.contains("UNTIL=" + compact(today.minusDays(14)));

		Session other = sessions.schedule(director(), new NewSession(fixtures.type("COMMUNITY_SUPPORT"), "Ana's check-in",
				h.id(), null, today.plusDays(7), circle.startsAt(), null, null, AttendeeKind.RESIDENTS, null, null, List.of(ana),
				List.of(signIns.user("clinician2").accountId())));
		assertThat(other.id()).as("the named circle no longer holds her").isNotNull();
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElse("");
	}

	private static String compact(LocalDate day) {
		return day.toString().replace("-", "");
	}
}
