package org.milieu.sessions.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A resident's day: their sessions beside their jobs, meetings and passes; other days by previous and next; staff refused. */
@MilieuWebTest
class MySchedulePagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	CalendarWebFixtures calendar;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResidentSeesTheSessionsOfTheirHouseOnTheirDayInBothLanguages() throws Exception {
		UUID resident = signIns.user("resident01").residentId();
		UUID house = jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(resident).query(UUID.class).single();
		UUID kind = calendar.kind("SOCIAL_SKILLS");
		LocalDate day = LocalDate.of(2032, 3, 3);
		mvc.perform(post("/sessions").with(signIns.as("director")).with(csrf()).param("typeId", kind.toString())
				.param("title", "Saying no").param("houseId", house.toString()).param("firstOn", day.toString())
				.param("startsAt", "11:00").param("repeat", "none").param("attendees", "HOUSE")
				.param("facilitators", signIns.user("clinician").accountId().toString()))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get("/me/schedule").param("date", day.toString()).with(signIns.as("resident01")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Saying no")))
			.andExpect(content().string(containsString("11:00–12:00")))
			.andExpect(content().string(containsString("schedule-next")));
		mvc.perform(get("/me/schedule").param("date", day.toString()).with(signIns.as("resident01"))
				.locale(Locale.forLanguageTag("es")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Mi agenda")));
		mvc.perform(get("/me/schedule").with(signIns.as("resident01"))).andExpect(status().isOk());
	}

	@Test
	void staffHaveNoScheduleOfTheirOwnHere() throws Exception {
		mvc.perform(get("/me/schedule").with(signIns.as("staff"))).andExpect(status().isForbidden());
	}
}
