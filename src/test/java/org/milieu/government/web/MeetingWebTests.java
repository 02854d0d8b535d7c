package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/** Community meetings over JSON and as pages: scheduling, the agenda, and what is refused without storing anything. */
@MilieuWebTest
class MeetingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	UUID houseOf(String username) {
		return jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(signIns.user(username).residentId()).query(UUID.class).single();
	}

	MockHttpServletRequestBuilder postJson(String path, String who, String body) {
		return post(path).with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	static String meeting(UUID house, String kind, String title, Instant startsAt) {
		return "{" + (house == null ? "" : "\"houseId\": \"" + house + "\", ") + "\"kind\": \"" + kind + "\", \"title\": \""
				+ title + "\", \"startsAt\": \"" + startsAt + "\"}";
	}

	int meetings() {
		return jdbc.sql("select count(*) from government_meeting").query(Integer.class).single();
	}

	int items(UUID meeting) {
		return jdbc.sql("select count(*) from government_agenda_item where meeting_id = ?").param(meeting)
			.query(Integer.class).single();
	}

	UUID schedule(UUID house) throws Exception {
		String json = mvc.perform(postJson("/api/v1/meetings", "staff",
				meeting(house, "REGULAR", "House meeting", clock.instant().plus(Duration.ofDays(2)))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return UUID.fromString(JsonMapper.builder().build().readTree(json).get("id").asString());
	}

	@Test
	void staffScheduleAResidentBringsAnItemAndReadsTheAgendaAllAudited() throws Exception {
		UUID house = houseOf("resident01");
		UUID meeting = schedule(house);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'CREATE' and 'Meeting' = any(resource_types) "
				+ "and ? = any(resource_ids)").param(meeting.toString()).query(Integer.class).single()).isEqualTo(1);

		UUID resident = signIns.user("resident01").residentId();
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/agenda-items", "resident01",
				"{\"kind\": \"PROPOSAL\", \"title\": \"A Sunday walk\", \"description\": \"After lunch\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.position").value(1))
			.andExpect(jsonPath("$.submittedBy").value("resident01"))
			.andExpect(jsonPath("$.submittedByResident").value(resident.toString()));
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/agenda-items", "staff",
				"{\"kind\": \"ANNOUNCEMENT\", \"title\": \"New laundry rota\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.position").value(2))
			.andExpect(jsonPath("$.submittedByResident").doesNotExist());
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'CREATE' and resident_id = ? "
				+ "and 'GOVERNMENT' = any(categories)").param(resident).query(Integer.class).single()).isPositive();

		mvc.perform(get("/api/v1/meetings/" + meeting).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("House meeting"))
			.andExpect(jsonPath("$.status").value("SCHEDULED"))
			.andExpect(jsonPath("$.agenda.length()").value(2))
			.andExpect(jsonPath("$.agenda[0].title").value("A Sunday walk"));
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'READ' and resident_id = ? "
				+ "and username = 'clinician' and 'AgendaItem' = any(resource_types)").param(resident).query(Integer.class).single())
			.isPositive();

		mvc.perform(get("/api/v1/meetings/" + meeting).with(signIns.as("resident01"))).andExpect(status().isOk());
		mvc.perform(get("/meetings").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("A Sunday walk")));
		mvc.perform(get("/meetings/" + meeting).with(signIns.as("staff")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Orden del día")));
	}

	@Test
	void badMeetingsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		UUID house = houseOf("resident01");
		int before = meetings();
		Instant later = clock.instant().plus(Duration.ofDays(1));
		mvc.perform(postJson("/api/v1/meetings", "staff", meeting(house, "REGULAR", "Too late",
				clock.instant().minus(Duration.ofHours(1)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("startsAt"));
		mvc.perform(postJson("/api/v1/meetings", "staff", meeting(house, "REGULAR", " ", later)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		mvc.perform(postJson("/api/v1/meetings", "staff", meeting(house, "PARTY", "Unknown kind", later)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(postJson("/api/v1/meetings", "resident01", meeting(house, "REGULAR", "By a resident", later)))
			.andExpect(status().isForbidden());
		assertThat(meetings()).isEqualTo(before);
	}

	@Test
	void itemsForAClosedMeetingOrAnotherHouseAreRefusedAndNothingIsStored() throws Exception {
		UUID meeting = schedule(houseOf("resident01"));
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/agenda-items", "resident02",
				"{\"kind\": \"PROBLEM\", \"title\": \"Not my house\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/meetings/" + meeting).with(signIns.as("resident02"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCESS_DENIED' and username = 'resident02' "
				+ "and 'Meeting' = any(resource_types) and ? = any(resource_ids)").param(meeting.toString()).query(Integer.class).single())
			.isPositive();
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/agenda-items", "resident01",
				"{\"kind\": \"PROBLEM\", \"title\": \"\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/agenda-items", "resident01",
				"{\"kind\": \"GOSSIP\", \"title\": \"Unknown kind\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		jdbc.sql("update government_meeting set status = 'CLOSED' where id = ?").param(meeting).update();
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/agenda-items", "resident01",
				"{\"kind\": \"PROBLEM\", \"title\": \"Too late\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("meetingId"));
		assertThat(items(meeting)).isZero();
		mvc.perform(get("/api/v1/meetings/" + UUID.randomUUID()).with(signIns.as("staff"))).andExpect(status().isNotFound());
	}
}
