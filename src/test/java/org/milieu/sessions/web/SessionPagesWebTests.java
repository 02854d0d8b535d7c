package org.milieu.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The calendar pages: a weekly session scheduled from the form shows in the house's week, a double
 * booking is refused in words with what was entered kept, the session's page changes an occurrence,
 * and staff of another house and residents are refused.
 */
@MilieuWebTest
class SessionPagesWebTests {

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
		week = calendar.aWeekOfItsOwn(LocalDate.of(2031, 1, 6));
	}

	private MockHttpServletRequestBuilder form(String title, String room, String time) {
		return post("/sessions").with(signIns.as("clinician")).with(csrf()).param("typeId", week.psychoEducation().toString())
			.param("title", title).param("houseId", week.bayview().toString()).param("room", room)
			.param("firstOn", week.monday().toString()).param("startsAt", time).param("repeat", "weekly").param("days", "MO", "TH")
			.param("count", "8").param("attendees", "HOUSE");
	}

	@Test
	void aWeeklySessionScheduledFromTheFormShowsInTheHousesWeek() throws Exception {
		mvc.perform(form("Coping with cravings", "Group room", "10:00")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/sessions/*"));

		mvc.perform(get("/sessions").param("house", week.bayview().toString()).param("date", week.monday().plusDays(2).toString())
				.with(signIns.as("staff")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Coping with cravings")))
			.andExpect(content().string(containsString("10:00–11:00")))
			.andExpect(content().string(containsString("id=\"calendar-next\"")));
		mvc.perform(get("/sessions").param("view", "day").param("date", week.monday().plusDays(3).toString())
				.with(signIns.as("clinician")).locale(Locale.forLanguageTag("es")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Coping with cravings")))
			.andExpect(content().string(containsString("Hoy")));
	}

	@Test
	void aDoubleBookingIsRefusedInWordsWithWhatWasEnteredKept() throws Exception {
		mvc.perform(form("Morning group", "Group room", "09:00")).andExpect(status().is3xxRedirection());
		int before = jdbc.sql("select count(*) from sessions_session").query(Integer.class).single();

		mvc.perform(form("Second group", "Art room", "09:30")).andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("already facilitates")))
			.andExpect(content().string(containsString("Morning group")))
			.andExpect(content().string(containsString("value=\"Second group\"")))
			.andExpect(content().string(containsString("value=\"Art room\"")));
		assertThat(jdbc.sql("select count(*) from sessions_session").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void anOccurrenceIsCancelledFromTheSessionsPage() throws Exception {
		String location = mvc.perform(form("Budgeting", "Library", "14:00")).andReturn().getResponse().getRedirectedUrl();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		jdbc.sql("update sessions_session set first_on = current_date where id = ?").param(id).update();

		mvc.perform(get("/sessions/" + id).with(signIns.as("clinician"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Budgeting")));
		mvc.perform(post("/sessions/" + id + "/cancel").with(signIns.as("clinician")).with(csrf()).param("version", "9")
				.param("reason", "Program change"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select cancelled_at is null from sessions_session where id = ?").param(id).query(Boolean.class)
			.single()).isTrue();
		mvc.perform(post("/sessions/" + id + "/cancel").with(signIns.as("clinician")).with(csrf()).param("version", "0")
				.param("reason", "Program change"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select cancelled_at is null from sessions_session where id = ?").param(id).query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void staffOfAnotherHouseAndResidentsAreRefused() throws Exception {
		String location = mvc.perform(form("Bayview only", "Quiet room", "16:00")).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(signIns.as("staff2"))).andExpect(status().isForbidden());
		mvc.perform(get("/sessions").param("house", week.bayview().toString()).with(signIns.as("staff2")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/sessions").param("date", week.monday().toString()).with(signIns.as("staff2"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Bayview only"))));
		mvc.perform(get("/sessions").with(signIns.as("resident01"))).andExpect(status().isForbidden());
	}

	@Test
	void theDirectorAddsAKindOfSessionAndStaffOnlyReadThem() throws Exception {
		String name = "Art therapy " + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/sessions/types").with(signIns.as("director")).with(csrf()).param("name", name)
				.param("durationMinutes", "75").param("roles", "CLINICIAN").param("mandatoryLevels", "1, 2"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/sessions/types").with(signIns.as("director"))).andExpect(status().isOk())
			.andExpect(content().string(containsString(name))).andExpect(content().string(containsString("mandatory at levels 1, 2")));
		mvc.perform(get("/sessions/types").with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"add-type\""))));
		mvc.perform(post("/sessions/types").with(signIns.as("staff")).with(csrf()).param("name", "Not mine")
				.param("durationMinutes", "60").param("roles", "STAFF"))
			.andExpect(status().isForbidden());
	}
}
