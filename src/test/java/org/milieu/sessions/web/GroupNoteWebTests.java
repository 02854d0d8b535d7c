package org.milieu.sessions.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.sessions.GroupNoteFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The group-note API and page: the shared part and the entries written over JSON, a copied entry
 * refused with a problem naming both residents and nothing saved, a retried save with the same
 * Idempotency-Key answered again without a second change, the note signed through the signature
 * endpoint and then read-only with addenda; the page in English and Spanish, with the refusal of a
 * premature signature shown as a message; before the occurrence has begun a save is a 422 and no
 * page offers the note. The roll call comes from {@link GroupNoteFixtures}; the held sessions are on
 * days of 2025 of this class's own, at 10:00 (a note signed that long after is late).
 */
@MilieuWebTest
class GroupNoteWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	GroupNoteFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.milieu.plans.ReviewFixtures reviews;

	@Autowired
	org.milieu.plans.PlanReviews planReviews;

	@Autowired
	org.milieu.residents.Census census;

	@Autowired
	org.milieu.sessions.GroupNotes notes;

	@Autowired
	org.milieu.sessions.Sessions sessions;

	@Autowired
	CalendarWebFixtures calendar;

	@Autowired
	org.milieu.sessions.AttendanceFixtures houses;

	private static String entry(String participation, String observation) {
		return "{\"participation\": \"" + participation + "\", \"observation\": \"" + observation + "\"}";
	}

	private String name(UUID resident) {
		return jdbc.sql("select coalesce(preferred_name, given_name) || ' ' || family_name from residents_resident where id = ?")
			.param(resident).query(String.class).single();
	}

	private boolean hasObjectives(UUID resident) {
		return jdbc.sql("""
				select exists (select 1 from plans_plan p join plans_version v on v.plan_id = p.id and v.status = 'IN_FORCE'
				  join plans_item i on i.plan_id = p.id and i.version_number = v.number and i.kind = 'OBJECTIVE'
				  where p.resident_id = ?)""").param(resident).query(Boolean.class).single();
	}

	@Test
	void aCopiedEntryIsRefusedNamingBothResidentsAndARetriedSaveIsAnsweredOnce() throws Exception {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 4, 7), 2, null);
		String base = "/api/v1/sessions/" + held.sessionId() + "/occurrences/" + held.on() + "/note";
		UUID first = held.present().get(0);
		UUID second = held.present().get(1);

		mvc.perform(put(base).with(signIns.as("clinician")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"topic\": \"Coping with cravings\", \"interventions\": \"Urge surfing\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.topic").value("Coping with cravings"))
			.andExpect(jsonPath("$.attendees", hasSize(2))).andExpect(header().exists("ETag"));
		String observation = "Named being alone at night as her strongest trigger and tried urge surfing twice.";
		String key = UUID.randomUUID().toString();
		String once = mvc.perform(put(base + "/entries/" + first).with(signIns.as("clinician")).with(csrf())
				.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(entry("3", observation)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		int revision = JsonPath.read(once, "$.revision");
		mvc.perform(put(base + "/entries/" + first).with(signIns.as("clinician")).with(csrf())
				.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(entry("3", observation)))
			.andExpect(status().isOk()).andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.revision").value(revision));

		mvc.perform(put(base + "/entries/" + second).with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(entry("ACTIVE", "Named being alone at night as his strongest trigger and tried urge surfing twice!")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("observation")))
			.andExpect(jsonPath("$.detail", containsString(name(second))))
			.andExpect(jsonPath("$.detail", containsString(name(first))));
		mvc.perform(get(base).with(signIns.as("clinician")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(revision))
			.andExpect(jsonPath("$.attendees[?(@.residentId == '" + second + "')].entry").value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())));
	}

	@Test
	void badInputNamesTheFieldAndStaffAndResidentsAreRefused() throws Exception {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 4, 8), 1, null);
		String base = "/api/v1/sessions/" + held.sessionId() + "/occurrences/" + held.on() + "/note";
		mvc.perform(put(base + "/entries/" + held.present().get(0)).with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(entry("9", "Listened.")))
			.andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("participation")));
		mvc.perform(put(base + "/entries/" + held.absent()).with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(entry("3", "Listened.")))
			.andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("residentId")));
		mvc.perform(post(base + "/addenda").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Later.\"}"))
			.andExpect(status().isConflict());
		mvc.perform(get(base).with(signIns.as("staff"))).andExpect(status().isForbidden());
		mvc.perform(get(base).with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/sessions/" + held.sessionId() + "/occurrences/2025-04-09/note").with(signIns.as("clinician")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theNoteIsSignedThroughTheSignatureEndpointThenTakesOnlyAddenda() throws Exception {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 4, 9), 1, null);
		UUID resident = held.present().get(0);
		String base = "/api/v1/sessions/" + held.sessionId() + "/occurrences/" + held.on() + "/note";
		String page = "/sessions/" + held.sessionId() + "/occurrences/" + held.on() + "/note";
		String note = mvc.perform(get(base).with(signIns.as("clinician"))).andReturn().getResponse().getContentAsString();
		String objective = hasObjectives(resident)
				? ", \"progress\": [{\"objectiveId\": \"" + JsonPath.read(note, "$.attendees[0].objectives[0].id") + "\", \"progress\": \"MET\"}]"
				: "";

		mvc.perform(get(page + "/sign").with(signIns.as("clinician")))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page));
		String written = mvc.perform(put(base + "/entries/" + resident).with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"participation\": \"LEADING\", \"observation\": \"Led the check-in for the newer residents.\"" + objective + "}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.missing", hasSize(0))).andReturn().getResponse()
			.getContentAsString();
		String id = JsonPath.read(written, "$.id");
		String hash = JsonPath.read(written, "$.contentHash");
		mvc.perform(get(page + "/sign").with(signIns.as("clinician")))
			.andExpect(redirectedUrl("/sign/group-note/" + id + "/1"));

		mvc.perform(post("/api/v1/signatures").with(signIns.as("clinician")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\": \"group-note\", \"documentId\": \"" + id + "\", \"version\": 1, \"meaning\": \"wrote\", "
						+ "\"contentHash\": \"" + hash + "\", \"password\": \"" + GroupNoteFixtures.DEMO_PASSWORD + "\"}"))
			.andExpect(status().isCreated());

		mvc.perform(get(base).with(signIns.as("clinician"))).andExpect(jsonPath("$.signed").value(true))
			.andExpect(jsonPath("$.late").value(true)).andExpect(jsonPath("$.contentHash").value(hash));
		mvc.perform(put(base + "/entries/" + resident).with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(entry("1", "Changed afterwards.")))
			.andExpect(status().isConflict());
		mvc.perform(post(base + "/addenda").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Asked to see his counsellor after group.\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.addenda[0].text").value("Asked to see his counsellor after group."));
		mvc.perform(get(page).with(signIns.as("clinician")).param("lang", "es")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Firmada por")))
			.andExpect(content().string(containsString("Asked to see his counsellor after group.")))
			.andExpect(content().string(not(containsString("id=\"observation-0\""))));
		mvc.perform(get("/residents/" + resident).param("tab", "groupnotes").with(signIns.as("clinician")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Led the check-in for the newer residents.")));
	}

	@Test
	void thePageShowsTheSharedPartOnceAndARowPerAttendeeAndARefusedSignatureAsAMessage() throws Exception {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 4, 10), 3, null);
		String page = "/sessions/" + held.sessionId() + "/occurrences/" + held.on() + "/note";
		mvc.perform(put("/api/v1/sessions/" + held.sessionId() + "/occurrences/" + held.on() + "/note")
				.with(signIns.as("clinician")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"topic\": \"Sleep\"}"))
			.andExpect(status().isOk());
		mvc.perform(get(page).with(signIns.as("clinician"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"note-topic\"")))
			.andExpect(content().string(containsString("id=\"observation-2\"")))
			.andExpect(content().string(not(containsString("id=\"observation-3\""))))
			.andExpect(content().string(containsString(name(held.present().get(0)))))
			.andExpect(content().string(not(containsString(name(held.absent())))));
		mvc.perform(get(page + "/sign").with(signIns.as("clinician"))).andExpect(redirectedUrl(page))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("problem",
					"group-note.entries.missing"));
		mvc.perform(get(page).with(signIns.as("clinician")).param("lang", "es")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Parte común")));
	}

	@Test
	void aResidentsSignedEntryWithProgressShowsInTheirPlanReview() throws Exception {
		var clinician = signIns.user("clinician");
		UUID resident = signIns.user(reviews.aResidentWithPlanInForce()).residentId();
		GroupNoteFixtures.Held held = fixtures.aHeldSession(census.day(clinician.programId()).minusDays(3), 1, resident);
		var note = notes.note(clinician, held.sessionId(), held.on());
		UUID objective = note.attendees().get(0).objectives().get(1).id();
		note = notes.writeEntry(clinician, held.sessionId(), held.on(), resident, new org.milieu.sessions.GroupNotes.EntryDraft(
				"4", java.util.List.of(new org.milieu.sessions.GroupNotes.ProgressDraft(objective, "PROGRESSING")),
				"Said he called his sponsor five evenings this week and asked for a second number."));
		fixtures.sign(clinician, note.id());

		var review = planReviews.start(clinician, resident, null);
		mvc.perform(get("/residents/" + resident + "/plan/reviews/" + review.id()).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"objective-notes\"")))
			.andExpect(content().string(containsString("Said he called his sponsor five evenings this week")))
			.andExpect(content().string(containsString("Calls a sponsor every evening: Progressing")));
	}

	@Test
	void beforeTheOccurrenceBeginsASaveIsRefusedAndNoPageOffersTheNote() throws Exception {
		var clinician = signIns.user("clinician");
		GroupNoteFixtures.Held coming = fixtures.aSession(LocalDate.of(2027, 5, 3), java.time.LocalTime.of(10, 0), 1, null);
		String base = "/api/v1/sessions/" + coming.sessionId() + "/occurrences/" + coming.on() + "/note";

		mvc.perform(put(base).with(signIns.as("clinician")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"topic\": \"Coping with cravings\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("occursOn")))
			.andExpect(jsonPath("$.detail", containsString("2027-05-03")));
		mvc.perform(put(base + "/entries/" + coming.present().get(0)).with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(entry("3", "Took part.")))
			.andExpect(status().isUnprocessableContent());
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from sessions_note where session_id = ?")
			.param(coming.sessionId()).query(Integer.class).single()).isZero();
		mvc.perform(get("/sessions/" + coming.sessionId() + "/occurrences/" + coming.on() + "/note").with(signIns.as("clinician")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"note-not-yet\"")))
			.andExpect(content().string(not(containsString("id=\"note-topic\""))));
		mvc.perform(get("/sessions/" + coming.sessionId() + "/occurrences/" + coming.on() + "/roll-call")
				.with(signIns.as("clinician")))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"to-note\""))));

		// today's occurrence moved to tomorrow: its roll call is listed under today's date, its note not yet
		LocalDate today = census.day(clinician.programId());
		GroupNoteFixtures.Held moved = fixtures.aSession(today, 1, null, java.time.LocalTime.of(21, 0),
				java.time.LocalTime.of(5, 0), java.time.LocalTime.of(13, 0), java.time.LocalTime.of(17, 0));
		sessions.moveOccurrence(clinician, moved.sessionId(), today, today.plusDays(1), java.time.LocalTime.of(21, 0), null,
				"Outing");
		mvc.perform(get("/sessions/" + moved.sessionId()).with(signIns.as("clinician")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"occurrence-" + today + "\"")))
			.andExpect(content().string(containsString("id=\"roll-call-" + today + "\"")))
			.andExpect(content().string(not(containsString("id=\"note-" + today + "\""))));
	}

	@Test
	void aBegunOccurrenceOffersItsNoteOnTheSessionsPageAndTheRollCall() throws Exception {
		var director = signIns.user("director");
		LocalDate today = census.day(director.programId());
		// a house of its own, from midnight today: begun whenever the test runs, and booked by no one else
		org.milieu.sessions.AttendanceFixtures.House house = houses.house();
		var session = sessions.schedule(director, new org.milieu.sessions.NewSession(calendar.kind("COMMUNITY_SUPPORT"),
				"Night check-in", house.id(), "Lounge", today, java.time.LocalTime.MIDNIGHT, 30, null,
				org.milieu.sessions.AttendeeKind.HOUSE, house.id(), null, null, java.util.List.of(house.staffId())));

		mvc.perform(get("/sessions/" + session.id()).with(signIns.as("director")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"note-" + today + "\"")));
		mvc.perform(get("/sessions/" + session.id() + "/occurrences/" + today + "/roll-call").with(signIns.as("director")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"to-note\"")));
	}
}
