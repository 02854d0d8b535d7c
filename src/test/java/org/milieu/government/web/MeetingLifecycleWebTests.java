package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.government.GovernmentSettings;
import org.milieu.government.RegularMeetings;
import org.milieu.government.Settings;
import org.milieu.identity.DemoSignIns;
import org.milieu.platform.Programs;
import org.milieu.residents.Admissions;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Running a meeting over JSON: opening, taking items, notes, reordering, closing with the items
 * not reached carried over, and the regular meetings scheduled ahead; each refusal stores nothing.
 */
@MilieuWebTest
class MeetingLifecycleWebTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	Programs programs;

	@Autowired
	GovernmentSettings settings;

	@Autowired
	RegularMeetings regular;

	ProgramId program() {
		return signIns.user("director").programId();
	}

	UUID houseOf(String username) {
		return jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(signIns.user(username).residentId()).query(UUID.class).single();
	}

	UUID newHouse(boolean withResident) {
		UUID house = houses.found(program(),
				new HouseDetails("Lifecycle " + UUID.randomUUID().toString().substring(0, 8), HouseKind.MIXED, null), 1).id();
		if (withResident) {
			admissions.admit(program(), UUID.randomUUID(), new NewAdmission("Life", "Cycle", null, LocalDate.of(1990, 3, 3),
					houses.beds(program(), house).get(0).id(), LocalDate.of(2026, 1, 5)));
		}
		return house;
	}

	MockHttpServletRequestBuilder postJson(String path, String who, String body) {
		return post(path).with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	JsonNode json(MockHttpServletRequestBuilder request, int status) throws Exception {
		String body = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
		return JSON.readTree(body);
	}

	UUID schedule(UUID house, Duration fromNow) throws Exception {
		return UUID.fromString(json(postJson("/api/v1/meetings", "staff", "{" + (house == null ? "" : "\"houseId\": \""
				+ house + "\", ") + "\"kind\": \"AD_HOC\", \"title\": \"Lifecycle test\", \"startsAt\": \""
				+ clock.instant().plus(fromNow) + "\"}"), 201).get("id").asString());
	}

	UUID item(UUID meeting, String title) throws Exception {
		return UUID.fromString(json(postJson("/api/v1/meetings/" + meeting + "/agenda-items", "staff",
				"{\"kind\": \"PROBLEM\", \"title\": \"" + title + "\"}"), 201).get("id").asString());
	}

	String stateOf(UUID meeting) {
		return jdbc.sql("select status from government_meeting where id = ?").param(meeting).query(String.class).single();
	}

	@Test
	void staffOpenTakeItemsWriteNotesAndCloseCarryingOverWhatWasNotReached() throws Exception {
		UUID house = houseOf("resident01");
		UUID next = schedule(house, Duration.ofDays(9));
		UUID waiting = item(next, "Already waiting");
		UUID meeting = schedule(house, Duration.ofMinutes(30));
		UUID first = item(meeting, "First");
		UUID second = item(meeting, "Second");
		UUID third = item(meeting, "Third");
		UUID fourth = item(meeting, "Fourth");

		// reorder before the meeting: fourth to the top
		mvc.perform(put("/api/v1/meetings/" + meeting + "/agenda-order").with(signIns.as("staff")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"order\": [\"" + fourth + "\", \"" + first + "\", \"" + second + "\", \"" + third + "\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agenda[0].title").value("Fourth"));

		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/open", "clinician", ""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.currentItemId").value(fourth.toString()));
		mvc.perform(postJson("/api/v1/agenda-items/" + fourth + "/notes", "staff",
				"{\"notes\": \"Agreed to try it for a week.\", \"discussed\": true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISCUSSED"))
			.andExpect(jsonPath("$.notes").value("Agreed to try it for a week."));
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/current-item", "staff", "{\"itemId\": \"" + second + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.currentItemId").value(second.toString()));
		mvc.perform(postJson("/api/v1/agenda-items/" + second + "/notes", "staff", "{\"notes\": \"Half way.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"));

		JsonNode closed = json(postJson("/api/v1/meetings/" + meeting + "/close", "staff", ""), 200);
		assertThat(stateOf(meeting)).isEqualTo("CLOSED");
		UUID target = UUID.fromString(closed.get("nextMeetingId").asString());
		assertThat(closed.get("carried").size()).isEqualTo(3);
		// the next meeting of the house (the demo's, another test's, or ours) takes the three open items at the top
		JsonNode agenda = json(get("/api/v1/meetings/" + target).with(signIns.as("staff")), 200).get("agenda");
		assertThat(List.of(agenda.get(0).get("title").asString(), agenda.get(1).get("title").asString(),
				agenda.get(2).get("title").asString())).containsExactly("First", "Second", "Third");
		assertThat(agenda.get(0).get("carriedFrom").asString()).isEqualTo(first.toString());
		assertThat(agenda.get(1).get("status").asString()).isEqualTo("OPEN");
		assertThat(agenda.get(3).get("position").asInt()).isEqualTo(4);
		assertThat(jdbc.sql("select status from government_agenda_item where meeting_id = ? order by position")
			.param(meeting).query(String.class).list()).containsExactly("DISCUSSED", "CARRIED_OVER", "CARRIED_OVER",
					"CARRIED_OVER");
		if (target.equals(next)) {
			assertThat(agenda.get(3).get("id").asString()).isEqualTo(waiting.toString());
		}

		// after the close, nothing more changes on it
		mvc.perform(postJson("/api/v1/agenda-items/" + first + "/notes", "staff", "{\"notes\": \"Too late\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("meetingId"));
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/close", "staff", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("meetingId"));
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/open", "staff", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("meetingId"));
		assertThat(jdbc.sql("select count(*) from government_agenda_item where carried_from = ?").param(first)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select notes from government_agenda_item where id = ?").param(first).query(String.class)
			.optional()).isEmpty();
	}

	@Test
	void closingWithNoNextMeetingSchedulesTheNextRegularOne() throws Exception {
		UUID house = newHouse(false);
		UUID meeting = schedule(house, Duration.ofMinutes(20));
		item(meeting, "Not reached");
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/open", "staff", "")).andExpect(status().isOk());
		JsonNode closed = json(postJson("/api/v1/meetings/" + meeting + "/close", "director", ""), 200);
		UUID next = UUID.fromString(closed.get("nextMeetingId").asString());
		Settings s = settings.of(program());
		ZoneId zone = programs.find(program()).orElseThrow().timeZone();
		var row = jdbc.sql("select kind, starts_at, house_id from government_meeting where id = ?").param(next)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class) })
			.single();
		assertThat(row[0]).isEqualTo("REGULAR");
		assertThat(row[2]).isEqualTo(house);
		ZonedDateTime startsAt = ((Instant) row[1]).atZone(zone);
		assertThat(startsAt.getDayOfWeek()).isEqualTo(s.meetingDay());
		assertThat(startsAt.toLocalTime()).isEqualTo(s.meetingTime());
		assertThat((Instant) row[1]).isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofDays(8)));
		assertThat(jdbc.sql("select title from government_agenda_item where meeting_id = ?").param(next)
			.query(String.class).list()).containsExactly("Not reached");
	}

	@Test
	void aWholeProgramMeetingCarriesOverToTheNextWholeProgramMeeting() throws Exception {
		UUID later = schedule(null, Duration.ofDays(12));
		UUID meeting = schedule(null, Duration.ofMinutes(5));
		item(meeting, "For everyone");
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/open", "staff", "")).andExpect(status().isOk());
		UUID next = UUID.fromString(json(postJson("/api/v1/meetings/" + meeting + "/close", "staff", ""), 200)
			.get("nextMeetingId").asString());
		assertThat(jdbc.sql("select house_id is null from government_meeting where id = ?").param(next)
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select title from government_agenda_item where meeting_id = ? and position = 1").param(next)
			.query(String.class).single()).isEqualTo("For everyone");
		assertThat(stateOf(later)).isEqualTo("SCHEDULED");
	}

	@Test
	void refusalsChangeNothing() throws Exception {
		UUID house = houseOf("resident01");
		UUID later = schedule(house, Duration.ofDays(2));
		UUID item = item(later, "Later");
		mvc.perform(postJson("/api/v1/meetings/" + later + "/open", "staff", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("startsAt"));
		mvc.perform(postJson("/api/v1/meetings/" + later + "/close", "staff", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("meetingId"));
		mvc.perform(postJson("/api/v1/meetings/" + later + "/current-item", "staff", "{\"itemId\": \"" + item + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("meetingId"));
		assertThat(stateOf(later)).isEqualTo("SCHEDULED");

		UUID soon = schedule(house, Duration.ofMinutes(10));
		mvc.perform(postJson("/api/v1/meetings/" + soon + "/open", "resident01", "")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCESS_DENIED' and username = 'resident01' "
				+ "and 'Meeting' = any(resource_types) and ? = any(resource_ids)").param(soon.toString()).query(Integer.class).single())
			.isEqualTo(1);
		assertThat(stateOf(soon)).isEqualTo("SCHEDULED");
		mvc.perform(postJson("/api/v1/meetings/" + soon + "/open", "staff", "")).andExpect(status().isOk());
		mvc.perform(postJson("/api/v1/meetings/" + soon + "/current-item", "staff", "{\"itemId\": \"" + item + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("itemId"));
		mvc.perform(postJson("/api/v1/meetings/" + soon + "/current-item", "staff", "{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("itemId"));
		mvc.perform(postJson("/api/v1/agenda-items/" + item + "/notes", "staff",
				"{\"notes\": \"" + "x".repeat(4001) + "\", \"discussed\": true}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("notes"));
		mvc.perform(postJson("/api/v1/agenda-items/" + item + "/notes", "resident01", "{\"notes\": \"Mine\"}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select status || coalesce(notes, '-') from government_agenda_item where id = ?").param(item)
			.query(String.class).single()).isEqualTo("OPEN-");
		mvc.perform(postJson("/api/v1/meetings/" + soon + "/close", "resident01", "")).andExpect(status().isForbidden());
		assertThat(stateOf(soon)).isEqualTo("OPEN");
		mvc.perform(put("/api/v1/meetings/" + later + "/agenda-order").with(signIns.as("staff")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"order\": [\"" + UUID.randomUUID() + "\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("order"));
		mvc.perform(put("/api/v1/meetings/" + later + "/agenda-order").with(signIns.as("resident01")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"order\": [\"" + item + "\"]}"))
			.andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/agenda-items/" + UUID.randomUUID() + "/notes", "staff", "{\"notes\": \"x\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void eachHouseWithResidentsHasItsNextTwoRegularMeetingsOnce() {
		UUID house = newHouse(true);
		UUID empty = newHouse(false);
		regular.ensureScheduled(program());
		regular.ensureScheduled(program());
		List<Instant> starts = jdbc.sql("select starts_at from government_meeting where house_id = ? and kind = 'REGULAR' "
				+ "order by starts_at").param(house).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
		assertThat(starts).hasSize(2);
		assertThat(Duration.between(starts.get(0), starts.get(1)).toDays()).isEqualTo(7);
		Settings s = settings.of(program());
		ZoneId zone = programs.find(program()).orElseThrow().timeZone();
		assertThat(starts.get(0).atZone(zone).getDayOfWeek()).isEqualTo(s.meetingDay());
		assertThat(starts.get(0).atZone(zone).toLocalTime()).isEqualTo(s.meetingTime());
		assertThat(starts.get(0)).isAfter(clock.instant());
		assertThat(jdbc.sql("select count(*) from government_meeting where house_id = ?").param(empty).query(Integer.class)
			.single()).isZero();
	}
}
