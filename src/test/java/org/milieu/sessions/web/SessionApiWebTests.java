package org.milieu.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The calendar API: scheduling a weekly session and reading it back with its version, the occurrences
 * of a house's week, changes with If-Match (a stale tag is a 412 that changes nothing), a double
 * booking refused as a 422 naming it, bad input naming the field, and staff of another house refused.
 */
@MilieuWebTest
class SessionApiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	CalendarWebFixtures calendar;

	@Autowired
	JdbcClient jdbc;

	CalendarWebFixtures.Week week;

	@BeforeEach
	void bayviewAndAWeekOfItsOwn() {
		week = calendar.aWeekOfItsOwn(LocalDate.of(2030, 1, 7));
	}

	private String weekly(String title, String room, String time) {
		return "{\"typeId\": \"" + week.psychoEducation() + "\", \"title\": \"" + title + "\", \"houseId\": \"" + week.bayview()
				+ "\", \"room\": \"" + room + "\", \"firstOn\": \"" + week.monday() + "\", \"startsAt\": \"" + time
				+ "\", \"rrule\": \"FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6\", \"attendeeKind\": \"HOUSE\", \"attendeeHouseId\": \""
				+ week.bayview() + "\"}";
	}

	private ResultActions schedule(String who, String body) throws Exception {
		return mvc.perform(post("/api/v1/sessions").with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private int sessionCount() {
		return jdbc.sql("select count(*) from sessions_session").query(Integer.class).single();
	}

	@Test
	void aClinicianSchedulesAWeeklyGroupAndReadsItsWeekAndItsVersion() throws Exception {
		String body = schedule("clinician", weekly("Coping skills", "Group room", "10:00")).andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\"")).andExpect(jsonPath("$.rrule", containsString("FREQ=WEEKLY")))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");

		mvc.perform(get("/api/v1/sessions/" + id).with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\"")).andExpect(jsonPath("$.title").value("Coping skills"));
		mvc.perform(get("/api/v1/sessions/occurrences").param("from", week.monday().toString())
				.param("to", week.monday().plusDays(6).toString())
				.param("houseId", week.bayview().toString()).with(signIns.as("staff")))
			.andExpect(status().isOk()).andExpect(jsonPath("$[?(@.sessionId == '" + id + "')].occursOn",
					org.hamcrest.Matchers.contains(week.monday().toString(), week.monday().plusDays(2).toString())));
	}

	@Test
	void aChangeWithAStaleTagIsA412AndChangesNothing() throws Exception {
		String id = JsonPath.read(schedule("clinician", weekly("Stress", "Library", "13:00")).andReturn().getResponse()
			.getContentAsString(), "$.id");
		String cancel = "/api/v1/sessions/" + id + "/occurrences/" + week.monday() + "/cancel";

		mvc.perform(post(cancel).with(signIns.as("clinician")).with(csrf()).header("If-Match", "\"7\"")
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Outing\"}"))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(post(cancel).with(signIns.as("clinician")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Outing\"}"))
			.andExpect(status().isPreconditionRequired());
		assertThat(jdbc.sql("select count(*) from sessions_exception where session_id = ?::uuid").param(id).query(Integer.class)
			.single()).isZero();

		mvc.perform(post(cancel).with(signIns.as("clinician")).with(csrf()).header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Outing\"}"))
			.andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.exceptions[0].kind").value("CANCELLED"));
		mvc.perform(post("/api/v1/sessions/" + id + "/occurrences/" + week.monday().plusDays(2) + "/move")
				.with(signIns.as("clinician"))
				.with(csrf()).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
				.content("{\"movedOn\": \"" + week.monday().plusDays(3) + "\", \"movedAt\": \"15:00\"}"))
			.andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
		mvc.perform(post("/api/v1/sessions/" + id + "/cancel").with(signIns.as("clinician")).with(csrf()).header("If-Match", "\"2\"")
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Program change\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.cancelled").value(true));
	}

	@Test
	void aDoubleBookingIsA422NamingTheFacilitatorAndTheTimeAndStoresNothing() throws Exception {
		schedule("clinician", weekly("First group", "Group room", "09:00")).andExpect(status().isCreated());
		int before = sessionCount();

		schedule("clinician", weekly("Second group", "Art room", "09:30")).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("facilitators"))
			.andExpect(jsonPath("$.detail", containsString("First group")))
			.andExpect(jsonPath("$.detail", containsString(week.monday().toString())))
			.andExpect(jsonPath("$.detail", containsString("09:00")));
		assertThat(sessionCount()).isEqualTo(before);
	}

	@Test
	void badInputNamesTheFieldAndChangesNothing() throws Exception {
		int before = sessionCount();
		schedule("clinician", weekly("Bad rule", "Group room", "11:00").replace("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6", "FREQ=HOURLY"))
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("rrule"));
		schedule("clinician", weekly("Bad time", "Group room", "25:00")).andExpect(status().isBadRequest());
		assertThat(sessionCount()).isEqualTo(before);

		mvc.perform(get("/api/v1/sessions/occurrences").param("from", "2030-01-01").param("to", "2030-06-01")
				.with(signIns.as("clinician")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/api/v1/sessions/occurrences").param("from", "2030-02-01").param("to", "2030-01-01")
				.with(signIns.as("clinician")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
	}

	@Test
	void staffOfAnotherHouseAreRefusedItsSessionAndItsWeek() throws Exception {
		String id = JsonPath.read(schedule("clinician", weekly("Bayview only", "Quiet room", "16:00")).andReturn().getResponse()
			.getContentAsString(), "$.id");

		mvc.perform(get("/api/v1/sessions/" + id).with(signIns.as("staff2"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/sessions/occurrences").param("from", week.monday().toString())
				.param("to", week.monday().toString())
				.param("houseId", week.bayview().toString()).with(signIns.as("staff2")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/sessions/" + id + "/cancel").with(signIns.as("staff2")).with(csrf()).header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Not mine\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/sessions/occurrences").param("from", week.monday().toString())
				.param("to", week.monday().toString())
				.with(signIns.as("staff2")))
			.andExpect(status().isOk()).andExpect(jsonPath("$[*].sessionId", org.hamcrest.Matchers.not(hasItem(id))));
	}

	@Test
	void theDirectorKeepsTheKindsOfSessionWithIfMatch() throws Exception {
		String body = mvc.perform(post("/api/v1/session-types").with(signIns.as("director")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Art therapy " + UUID.randomUUID().toString()
						.substring(0, 6) + "\", \"durationMinutes\": 75, \"facilitatorRoles\": [\"CLINICIAN\"]}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		mvc.perform(put("/api/v1/session-types/" + id).with(signIns.as("director")).with(csrf()).header("If-Match", "\"5\"")
				.contentType(MediaType.APPLICATION_JSON).content("{\"durationMinutes\": 50}"))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(put("/api/v1/session-types/" + id).with(signIns.as("director")).with(csrf()).header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON).content("{\"durationMinutes\": 3}"))
			.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("durationMinutes"));
		mvc.perform(put("/api/v1/session-types/" + id).with(signIns.as("director")).with(csrf()).header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON).content("{\"durationMinutes\": 50}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.durationMinutes").value(50));
		mvc.perform(post("/api/v1/session-types/" + id + "/retire").with(signIns.as("clinician")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/session-types/" + id + "/retire").with(signIns.as("director")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.retired").value(true));
		mvc.perform(get("/api/v1/session-types").with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].retired", hasItem(true)));
	}
}
