package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Minutes: generated from the meeting's record, edited as revisions, approved at the next meeting,
 * then published to the residents; overrules always show with them.
 */
@MilieuWebTest
class MinutesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	org.milieu.levels.privileges.LevelPrivileges privileges;

	final JsonMapper json = JsonMapper.builder().build();

	List<String> house = new ArrayList<>();

	UUID houseId;

	@BeforeEach
	void housemates() {
		houseId = jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(signIns.user("resident01").residentId()).query(UUID.class).single();
		house.clear();
		for (int i = 1; i <= 32; i++) {
			String username = String.format("resident%02d", i);
			UUID resident = signIns.user(username).residentId();
			if (resident != null && jdbc.sql("select count(*) from residents_stay where resident_id = ? and house_id = ? "
					+ "and discharged_on is null").params(resident, houseId).query(Integer.class).single() == 1) {
				house.add(username);
			}
		}
	}

	ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String who,
			String body) throws Exception {
		return mvc.perform(request.with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	UUID id(ResultActions result) throws Exception {
		JsonNode node = json.readTree(result.andReturn().getResponse().getContentAsString());
		return UUID.fromString(node.get("id").asString());
	}

	UUID meeting(String title) throws Exception {
		return id(send(post("/api/v1/meetings"), "staff", "{\"houseId\": \"" + houseId + "\", \"kind\": \"AD_HOC\", \"title\": \""
				+ title + "\", \"startsAt\": \"" + clock.instant().plus(Duration.ofMinutes(30)) + "\"}").andExpect(status().isCreated()));
	}

	void open(UUID meeting) throws Exception {
		send(post("/api/v1/meetings/" + meeting + "/open"), "staff", "{}").andExpect(status().isOk());
		// everyone living in the house, with those other tests admitted without a sign-in, so the quorum holds
		String everyone = jdbc.sql("select resident_id from residents_stay where house_id = ? and discharged_on is null")
			.param(houseId).query(UUID.class).list().stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
		send(post("/api/v1/meetings/" + meeting + "/attendance"), "staff", "{\"present\": [" + everyone + "]}")
			.andExpect(status().isOk());
	}

	@Test
	void minutesAreDraftedFromTheRecordEditedApprovedAtTheNextMeetingAndThenPublished() throws Exception {
		String resident = house.stream().filter(u -> !privileges.may(signIns.user(u).programId(), signIns.user(u).residentId(),
				"GOVERNMENT_OFFICE", clock.instant()).allowed()).findFirst().orElseThrow();
		UUID held = meeting("Minutes test meeting");
		mvc.perform(get("/api/v1/meetings/" + held + "/minutes").with(signIns.as("staff"))).andExpect(status().isConflict());
		UUID item = id(send(post("/api/v1/meetings/" + held + "/agenda-items"), house.get(0),
				"{\"kind\": \"PROPOSAL\", \"title\": \"Fresh fruit at breakfast\"}").andExpect(status().isCreated()));
		open(held);
		send(post("/api/v1/agenda-items/" + item + "/notes"), "staff", "{\"notes\": \"Kitchen will order apples.\", \"discussed\": true}")
			.andExpect(status().isOk());
		UUID motion = id(send(post("/api/v1/meetings/" + held + "/motions"), house.get(0),
				"{\"kind\": \"ORDINARY\", \"text\": \"Fruit every morning\", \"agendaItemId\": \"" + item + "\"}")
			.andExpect(status().isCreated()));
		send(post("/api/v1/motions/" + motion + "/second"), house.get(1), "{}").andExpect(status().isOk());
		for (int i = 0; i < 3; i++) {
			send(post("/api/v1/motions/" + motion + "/ballots"), house.get(i), "{\"choice\": \"YES\"}").andExpect(status().isCreated());
		}
		send(post("/api/v1/motions/" + motion + "/close"), "staff", "{}").andExpect(status().isOk());
		send(post("/api/v1/meetings/" + held + "/action-items"), "staff", "{\"title\": \"Order the apples\", \"ownerStaff\": \"staff\", "
				+ "\"dueOn\": \"" + clock.instant().plus(Duration.ofDays(5)).atZone(java.time.ZoneOffset.UTC).toLocalDate() + "\"}")
			.andExpect(status().isCreated());
		send(post("/api/v1/meetings/" + held + "/close"), "staff", "{}").andExpect(status().isOk());

		mvc.perform(get("/api/v1/meetings/" + held + "/minutes").with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.revision").value(0))
			.andExpect(jsonPath("$.text").value(Matchers.allOf(Matchers.containsString("Fresh fruit at breakfast"),
					Matchers.containsString("Kitchen will order apples."), Matchers.containsString("Fruit every morning"),
					Matchers.containsString("Carried"), Matchers.containsString("yes 3, no 0, abstain 0"),
					Matchers.containsString("Order the apples"))));
		mvc.perform(get("/api/v1/meetings/" + held + "/minutes").with(signIns.as(resident))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:state-conflict"));

		send(put("/api/v1/meetings/" + held + "/minutes"), resident, "{\"text\": \"My version\", \"basedOn\": 0}")
			.andExpect(status().isForbidden());
		send(put("/api/v1/meetings/" + held + "/minutes"), "staff", "{\"text\": \"  \", \"basedOn\": 0}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("text"));
		send(put("/api/v1/meetings/" + held + "/minutes"), "staff", "{\"text\": \"Minutes, revised: fruit every morning, carried.\", \"basedOn\": 0}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(1));
		send(put("/api/v1/meetings/" + held + "/minutes"), "staff", "{\"text\": \"A late edit from an old copy\", \"basedOn\": 0}")
			.andExpect(status().isPreconditionFailed());

		send(post("/api/v1/meetings/" + held + "/minutes/approval"), "staff", "{\"atMeetingId\": \"" + held + "\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("atMeetingId"));
		UUID next = meeting("The meeting after");
		send(post("/api/v1/meetings/" + held + "/minutes/approval"), "staff", "{\"atMeetingId\": \"" + next + "\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("atMeetingId"));
		open(next);
		send(post("/api/v1/meetings/" + held + "/minutes/approval"), resident, "{\"atMeetingId\": \"" + next + "\"}")
			.andExpect(status().isForbidden());
		send(post("/api/v1/meetings/" + held + "/minutes/approval"), "staff", "{\"atMeetingId\": \"" + next + "\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

		mvc.perform(get("/api/v1/meetings/" + held + "/minutes").with(signIns.as(resident))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.text").value("Minutes, revised: fruit every morning, carried."))
			.andExpect(jsonPath("$.approvedAtMeeting").value(next.toString()))
			.andExpect(jsonPath("$.overrules.length()").value(0));
		send(put("/api/v1/meetings/" + held + "/minutes"), "staff", "{\"text\": \"Too late\", \"basedOn\": 1}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("meetingId"));

		send(post("/api/v1/motions/" + motion + "/overrule"), "clinician",
				"{\"ground\": \"CLINICAL_CARE\", \"reason\": \"Two residents have diets that rule out fruit every morning.\"}")
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/meetings/" + held + "/minutes").with(signIns.as(resident))).andExpect(status().isOk())
			.andExpect(jsonPath("$.overrules[0].reason").value("Two residents have diets that rule out fruit every morning."))
			.andExpect(jsonPath("$.overrules[0].ground").value("CLINICAL_CARE"));
		mvc.perform(get("/meetings/" + held + "/minutes").with(signIns.as(resident))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Two residents have diets that rule out fruit every morning.")));
		assertThat(jdbc.sql("select count(*) from government_minutes_revision where meeting_id = ?").param(held)
			.query(Integer.class).single()).isEqualTo(1);
	}
}
