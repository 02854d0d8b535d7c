package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.government.GovernmentSettings;
import org.milieu.government.MeetingAttendance;
import org.milieu.government.Settings;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** The chair's meeting view, the move buttons and the settings page, as forms; refusals store nothing. */
@MilieuWebTest
class MeetingRunPageWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	GovernmentSettings settings;

	UUID houseOf(String username) {
		return jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(signIns.user(username).residentId()).query(UUID.class).single();
	}

	UUID schedule(UUID house, Duration fromNow) throws Exception {
		String json = mvc.perform(post("/api/v1/meetings").with(signIns.as("staff")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"houseId\": \"" + house + "\", \"kind\": \"AD_HOC\", "
					+ "\"title\": \"Run page test\", \"startsAt\": \"" + clock.instant().plus(fromNow) + "\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return UUID.fromString(JsonMapper.builder().build().readTree(json).get("id").asString());
	}

	UUID item(UUID meeting, String title) throws Exception {
		String json = mvc.perform(post("/api/v1/meetings/" + meeting + "/agenda-items").with(signIns.as("staff")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"PROPOSAL\", \"title\": \"" + title + "\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return UUID.fromString(JsonMapper.builder().build().readTree(json).get("id").asString());
	}

	List<UUID> order(UUID meeting) {
		return jdbc.sql("select id from government_agenda_item where meeting_id = ? order by position").param(meeting)
			.query(UUID.class).list();
	}

	@Test
	void staffRunAMeetingFromTheChairsView() throws Exception {
		UUID house = houseOf("resident01");
		UUID meeting = schedule(house, Duration.ofMinutes(15));
		UUID a = item(meeting, "Alpha item");
		UUID b = item(meeting, "Beta item");
		mvc.perform(get("/meetings/" + meeting + "/run").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"motions\"")))
			.andExpect(content().string(Matchers.containsString("No quorum yet")))
			.andExpect(content().string(Matchers.containsString("Open the meeting")));
		mvc.perform(get("/meetings/" + meeting + "/run").with(signIns.as("staff")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Abrir la reunión")));

		// move Beta up, from the meeting page
		mvc.perform(post("/meetings/" + meeting + "/agenda-order/move").with(signIns.as("staff")).with(csrf())
			.param("itemId", b.toString()).param("direction", "up").param("back", "meeting"))
			.andExpect(redirectedUrl("/meetings/" + meeting));
		assertThat(order(meeting)).containsExactly(b, a);
		mvc.perform(get("/meetings/" + meeting).with(signIns.as("staff")))
			.andExpect(content().string(Matchers.containsString("Move down")))
			.andExpect(content().string(Matchers.containsString("Run the meeting")));

		UUID mine = signIns.user("resident01").residentId();
		mvc.perform(post("/meetings/" + meeting + "/run/attendance").with(signIns.as("staff")).with(csrf())
			.param("shown", mine.toString()).param("present", mine.toString()))
			.andExpect(redirectedUrl("/meetings/" + meeting + "/run"))
			.andExpect(flash().attribute("notice", "meeting.run.attendanceSaved"));
		assertThat(attendance.present(meeting)).containsExactly(mine);

		mvc.perform(post("/meetings/" + meeting + "/run/open").with(signIns.as("staff")).with(csrf()))
			.andExpect(flash().attribute("notice", "meeting.run.opened"));
		mvc.perform(post("/meetings/" + meeting + "/run/current-item").with(signIns.as("staff")).with(csrf())
			.param("itemId", a.toString())).andExpect(flash().attribute("notice", "meeting.run.taken"));
		mvc.perform(post("/meetings/" + meeting + "/run/notes").with(signIns.as("staff")).with(csrf())
			.param("itemId", a.toString()).param("notes", "Agreed.").param("discussed", "true"))
			.andExpect(flash().attribute("notice", "meeting.run.notesSaved"));
		mvc.perform(get("/meetings/" + meeting + "/run").with(signIns.as("staff")))
			.andExpect(content().string(Matchers.containsString("Agreed.")))
			.andExpect(content().string(Matchers.containsString("Close the meeting")));
		mvc.perform(post("/meetings/" + meeting + "/run/close").with(signIns.as("staff")).with(csrf()))
			.andExpect(flash().attribute("notice", "meeting.run.closedCarried"));
		assertThat(jdbc.sql("select status from government_agenda_item where id = ?").param(b).query(String.class).single())
			.isEqualTo("CARRIED_OVER");
	}

	@Test
	void refusalsOnTheRunPageStoreNothing() throws Exception {
		UUID house = houseOf("resident01");
		UUID meeting = schedule(house, Duration.ofDays(2));
		mvc.perform(get("/meetings/" + meeting + "/run").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(post("/meetings/" + meeting + "/run/open").with(signIns.as("resident01")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/meetings/" + meeting + "/run/open").with(signIns.as("staff")).with(csrf()))
			.andExpect(flash().attribute("problem", "meeting.open.too-early"));
		UUID other = signIns.user("resident02").residentId();
		mvc.perform(post("/meetings/" + meeting + "/run/attendance").with(signIns.as("staff")).with(csrf())
			.param("present", other.toString()))
			.andExpect(flash().attribute("problem", "meeting.attendance.not-member"));
		assertThat(attendance.present(meeting)).isEmpty();
		assertThat(jdbc.sql("select status from government_meeting where id = ?").param(meeting).query(String.class).single())
			.isEqualTo("SCHEDULED");
	}

	@Test
	void theDirectorKeepsTheSettingsOnTheirPage() throws Exception {
		var program = signIns.user("director").programId();
		Settings before = settings.of(program);
		try {
			mvc.perform(get("/meetings/settings").with(signIns.as("director")))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("Meeting settings")));
			mvc.perform(get("/meetings/settings").with(signIns.as("staff"))).andExpect(status().isForbidden());
			mvc.perform(post("/meetings/settings").with(signIns.as("director")).with(csrf()).param("meetingDay", "MONDAY")
				.param("meetingTime", "17:15").param("quorumPercent", "0").param("officerTermWeeks", "4")
				.param("officerTermLimit", "2"))
				.andExpect(redirectedUrl("/meetings/settings"))
				.andExpect(flash().attribute("problemField", "quorumPercent"));
			assertThat(settings.of(program)).isEqualTo(before);
			mvc.perform(post("/meetings/settings").with(signIns.as("staff")).with(csrf()).param("meetingDay", "MONDAY")
				.param("meetingTime", "17:15").param("quorumPercent", "60").param("officerTermWeeks", "4")
				.param("officerTermLimit", "2"))
				.andExpect(status().isForbidden());
			mvc.perform(post("/meetings/settings").with(signIns.as("director")).with(csrf()).param("meetingDay", "MONDAY")
				.param("meetingTime", "17:15").param("quorumPercent", "60").param("officerTermWeeks", "4")
				.param("officerTermLimit", "2"))
				.andExpect(flash().attribute("notice", "meeting.settings.page.saved"));
			assertThat(settings.of(program).quorumPercent()).isEqualTo(60);
			mvc.perform(get("/meetings/settings").with(signIns.as("director")).header("Accept-Language", "es"))
				.andExpect(content().string(Matchers.containsString("Lunes")));
		}
		finally {
			settings.update(signIns.user("director"), before);
		}
	}
}
