package org.milieu.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Calendar feeds read by a real iCalendar parser (ical4j's CalendarBuilder), fetched without signing
 * in as a calendar app does: a weekly group with one cancelled and one moved occurrence comes out as
 * its rule, an EXDATE and an override; no feed names a resident; a revoked link and an unknown one
 * answer the same 404; every fetch is audited without the token.
 */
@MilieuWebTest
class CalendarFeedsTests {

	private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

	@Autowired
	CalendarFeeds feeds;

	@Autowired
	Sessions sessions;

	@Autowired
	SessionTypes types;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	CareRelationships care;

	MilieuUser clinician;

	UUID bayview;

	UUID psychoEducation;

	@BeforeEach
	void theClinicianAndBayviewHouse() {
		clinician = signIns.user("clinician");
		bayview = jdbc.sql("select id from residents_house where name like 'Bayview%'").query(UUID.class).single();
		psychoEducation = types.all(clinician.programId()).stream().filter(t -> "PSYCHO_EDUCATION".equals(t.code()))
			.findFirst().orElseThrow().id();
	}

	private Session weeklyForBayview(String title, String rule) {
		return sessions.schedule(clinician, new NewSession(psychoEducation, title, bayview, "Group room", MONDAY,
				LocalTime.of(10, 0), null, rule, AttendeeKind.HOUSE, bayview, null, null, null));
	}

	private MockHttpServletResponse fetch(String token) throws Exception {
		return mvc.perform(get("/calendar/" + token + ".ics")).andReturn().getResponse();
	}

	private static Calendar parse(MockHttpServletResponse response) throws Exception {
		return new CalendarBuilder().build(new StringReader(response.getContentAsString(StandardCharsets.UTF_8)));
	}

	private static List<VEvent> eventsOf(Calendar calendar, Session session) {
		return calendar.<VEvent>getComponents("VEVENT").stream()
			.filter(e -> e.getProperty(Property.UID).map(Property::getValue).orElse("").startsWith(session.id().toString()))
			.toList();
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElse(null);
	}

	private static String tzid(VEvent event, String property) {
		return event.getProperty(property).flatMap(p -> p.<Parameter>getParameter("TZID")).map(Parameter::getValue).orElse(null);
	}

	@Test
	void aWeeklyGroupWithACancelledAndAMovedOccurrenceParsesWithItsRuleExceptionAndOverride() throws Exception {
		Session session = weeklyForBayview("Coping with cravings", "FREQ=WEEKLY;BYDAY=MO;COUNT=4");
		sessions.cancelOccurrence(clinician, session.id(), MONDAY.plusWeeks(1), "Outing of the whole house");
		sessions.moveOccurrence(clinician, session.id(), MONDAY.plusWeeks(2), MONDAY.plusWeeks(2).plusDays(1),
				LocalTime.of(14, 0), "Library", null);
		CalendarFeeds.Issued issued = feeds.create(clinician, CalendarFeedKind.STAFF, null, Locale.ENGLISH);

		MockHttpServletResponse response = fetch(issued.token());

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		Calendar calendar = parse(response);
		String zone = jdbc.sql("select time_zone from platform_program where id = ?").param(clinician.programId().value())
			.query(String.class).optional().orElse(null);
		List<VEvent> events = eventsOf(calendar, session);
		assertThat(events).hasSize(2);
		VEvent series = events.stream().filter(e -> e.getProperty("RECURRENCE-ID").isEmpty()).findFirst().orElseThrow();
		VEvent moved = events.stream().filter(e -> e.getProperty("RECURRENCE-ID").isPresent()).findFirst().orElseThrow();
		assertThat(value(series, "UID")).isEqualTo(value(moved, "UID"));
		assertThat(value(series, "RRULE")).contains("FREQ=WEEKLY", "BYDAY=MO", "COUNT=4");
		assertThat(value(series, "DTSTART")).isEqualTo("20270301T100000");
		assertThat(value(series, "DTEND")).isEqualTo("20270301T110000");
		assertThat(value(series, "EXDATE")).isEqualTo("20270308T100000");
		assertThat(value(series, "STATUS")).isEqualTo("CONFIRMED");
		assertThat(value(moved, "RECURRENCE-ID")).isEqualTo("20270315T100000");
		assertThat(value(moved, "DTSTART")).isEqualTo("20270316T140000");
		assertThat(value(moved, "LOCATION")).isEqualTo("Library");
		String tz = tzid(series, "DTSTART");
		assertThat(tz).isNotBlank().isEqualTo(tzid(series, "EXDATE")).isEqualTo(tzid(moved, "RECURRENCE-ID"));
		if (zone != null) {
			assertThat(tz).isEqualTo(zone);
		}
		assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).extracting(c -> c.getProperty("TZID").orElseThrow().getValue())
			.containsExactly(tz);
		assertThat(value(series, "SUMMARY")).startsWith("Psycho-education").contains("Bayview");
	}

	@Test
	void aSeriesEndingOnADateEndsAtItsLastStartInUtcAndACancelledSeriesIsMarkedCancelled() throws Exception {
		Session session = weeklyForBayview("", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270322");
		sessions.cancel(clinician, session.id(), "The facilitator leaves the program");
		CalendarFeeds.Issued issued = feeds.create(clinician, CalendarFeedKind.HOUSE, bayview, Locale.ENGLISH);

		VEvent series = eventsOf(parse(fetch(issued.token())), session).get(0);

		assertThat(value(series, "RRULE")).containsPattern("UNTIL=20270322T\\d{6}Z");
		assertThat(value(series, "STATUS")).isEqualTo("CANCELLED");
	}

	@Test
	void aMovedOneOffSessionStandsAtItsNewTimeWithoutARule() throws Exception {
		LocalDate wednesday = MONDAY.plusDays(2);
		Session once = sessions.schedule(clinician, new NewSession(psychoEducation, "", bayview, "Group room", wednesday,
				LocalTime.of(9, 0), 45, null, AttendeeKind.HOUSE, bayview, null, null, null));
		sessions.moveOccurrence(clinician, once.id(), wednesday, wednesday.plusDays(1), LocalTime.of(16, 30), "Garden", null);

		List<VEvent> events = eventsOf(parse(fetch(feeds.create(clinician, CalendarFeedKind.STAFF, null, Locale.ENGLISH).token())),
				once);

		assertThat(events).singleElement().satisfies(event -> {
			assertThat(value(event, "DTSTART")).isEqualTo("20270304T163000");
			assertThat(value(event, "DTEND")).isEqualTo("20270304T171500");
			assertThat(value(event, "LOCATION")).isEqualTo("Garden");
			assertThat(event.getProperty("RRULE")).isEmpty();
			assertThat(event.getProperty("RECURRENCE-ID")).isEmpty();
		});
	}

	@Test
	void noFeedNamesAResidentAndAResidentsFeedSaysGroupSession() throws Exception {
		MilieuUser resident = signIns.user("resident01");
		UUID other = jdbc.sql("""
				select resident_id from residents_stay where house_id = ? and discharged_on is null and resident_id <> ?
				 order by resident_id limit 1""").params(bayview, resident.residentId()).query(UUID.class).single();
		Session named = sessions.schedule(clinician, new NewSession(psychoEducation, "Family talk with the Smiths", bayview,
				"Quiet room", MONDAY, LocalTime.of(15, 0), 30, null, AttendeeKind.RESIDENTS, null, null,
				List.of(resident.residentId(), other), null));
		Session house = weeklyForBayview("Coping with cravings", "FREQ=WEEKLY;BYDAY=TU;COUNT=2");
		List<String> names = jdbc.sql("select given_name || ' ' || family_name from residents_resident where program_id = ?")
			.param(clinician.programId().value()).query(String.class).list();

		String mine = fetch(feeds.create(resident, CalendarFeedKind.RESIDENT, null, Locale.ENGLISH).token())
			.getContentAsString(StandardCharsets.UTF_8);
		String staff = fetch(feeds.create(clinician, CalendarFeedKind.STAFF, null, Locale.ENGLISH).token())
			.getContentAsString(StandardCharsets.UTF_8);
		String ofHouse = fetch(feeds.create(clinician, CalendarFeedKind.HOUSE, bayview, Locale.ENGLISH).token())
			.getContentAsString(StandardCharsets.UTF_8);

		Calendar residents = new CalendarBuilder().build(new StringReader(mine));
		VEvent event = eventsOf(residents, named).get(0);
		assertThat(value(event, "SUMMARY")).isEqualTo("Group session: Psycho-education and coping strategies");
		assertThat(event.getProperty("DESCRIPTION")).isEmpty();
		assertThat(event.getProperty("ATTENDEE")).isEmpty();
		assertThat(eventsOf(residents, house)).hasSize(1);
		assertThat(unfolded(staff)).contains("Named residents: 2");
		for (String feed : List.of(mine, staff, ofHouse)) {
			String text = unfolded(feed);
			assertThat(text).doesNotContain("Smiths", "Coping with cravings");
			for (String name : names) {
				// staff feeds name the facilitators (staff), and a staff member may share a resident's given name
				List<String> parts = feed == mine ? List.of(name.split(" ")) : List.of(name, name.substring(name.indexOf(' ') + 1));
				for (String part : parts) {
					if (part.length() < 3 || part.chars().allMatch(Character::isDigit)) {
						continue; // a number or initial in a test resident's name stands in any feed's times
					}
					assertThat(Pattern.compile("\\b" + Pattern.quote(part) + "\\b").matcher(text).find())
						.as("the feed names %s", part).isFalse();
				}
			}
		}
	}

	@Test
	void aRevokedLinkAndAnUnknownOneAnswerTheSame404() throws Exception {
		CalendarFeeds.Issued issued = feeds.create(clinician, CalendarFeedKind.STAFF, null, Locale.ENGLISH);
		assertThat(fetch(issued.token()).getStatus()).isEqualTo(200);

		feeds.revoke(clinician, issued.feed().id());
		MockHttpServletResponse revoked = fetch(issued.token());
		MockHttpServletResponse unknown = fetch("A".repeat(43));
		MockHttpServletResponse malformed = fetch("not-a-token");

		for (MockHttpServletResponse response : List.of(revoked, unknown, malformed)) {
			assertThat(response.getStatus()).isEqualTo(404);
			assertThat(response.getContentAsString()).isEqualTo(revoked.getContentAsString()).isEmpty();
			assertThat(response.getContentType()).isEqualTo(revoked.getContentType());
		}
		assertThat(feeds.mine(clinician)).filteredOn(f -> f.id().equals(issued.feed().id())).singleElement()
			.satisfies(f -> assertThat(f.active()).isFalse());
	}

	@Test
	void aHouseFeedStopsWhenItsOwnerNoLongerWorksInTheHouse() throws Exception {
		String username = "feeds-" + UUID.randomUUID().toString().substring(0, 8);
		UUID account = accounts.open(new NewAccount(clinician.programId(), username, "Feed Tester", null, Set.of(Role.STAFF),
				null)).id();
		care.assignHouses(account, List.of(bayview));
		CalendarFeeds.Issued issued = feeds.create(signIns.user(username), CalendarFeedKind.HOUSE, bayview, Locale.ENGLISH);
		assertThat(fetch(issued.token()).getStatus()).isEqualTo(200);

		care.assignHouses(account, List.of());

		assertThat(fetch(issued.token()).getStatus()).isEqualTo(404);
	}

	@Test
	void theTokenIsKeptOnlyAsItsHashAndEachFetchIsAuditedWithoutIt() throws Exception {
		CalendarFeeds.Issued issued = feeds.create(clinician, CalendarFeedKind.STAFF, null, Locale.ENGLISH);

		fetch(issued.token());

		assertThat(jdbc.sql("select count(*) from sessions_calendar_feed where token_hash = ?").param(issued.token())
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select token_hash from sessions_calendar_feed where id = ?").param(issued.feed().id())
			.query(String.class).single()).isEqualTo(CalendarFeeds.hash(issued.token())).hasSize(64);
		List<String> records = jdbc.sql("""
				select action || ' ' || coalesce(detail, '') from audit_record
				 where ? = any(resource_ids) order by id""").param(issued.feed().id().toString()).query(String.class).list();
		assertThat(records).hasSize(2);
		assertThat(records.get(0)).startsWith("CREATE");
		assertThat(records.get(1)).startsWith("READ");
		assertThat(records).noneMatch(r -> r.contains(issued.token()));
	}

	/** The text with RFC 5545's line folding undone, so a name split over two lines is still found. */
	private static String unfolded(String feed) {
		return feed.replace("\r\n ", "").replace("\n ", "").replace("\\,", ",");
	}
}
