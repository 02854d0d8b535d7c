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
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * Action items and the follow-up of problems over JSON and as pages: recording, marking done, the
 * owner's own view, and what is refused without storing anything.
 */
@MilieuWebTest
class ActionItemWebTests {

	final JsonMapper json = JsonMapper.builder().build();

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

	UUID resident(String username) {
		return signIns.user(username).residentId();
	}

	MockHttpServletRequestBuilder postJson(String path, String who, String body) {
		return post(path).with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	/** A day safely ahead of the program's today, whatever its time zone. */
	LocalDate inAWeek() {
		return clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(7);
	}

	UUID meetingOf(String username) throws Exception {
		String json = mvc.perform(postJson("/api/v1/meetings", "staff", "{\"houseId\": \"" + houseOf(username)
				+ "\", \"kind\": \"AD_HOC\", \"title\": \"Follow-up test meeting\", \"startsAt\": \""
				+ clock.instant().plus(Duration.ofDays(2)) + "\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return id(json);
	}

	UUID agendaItem(UUID meeting, String who, String kind, String title) throws Exception {
		String json = mvc.perform(postJson("/api/v1/meetings/" + meeting + "/agenda-items", who,
				"{\"kind\": \"" + kind + "\", \"title\": \"" + title + "\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return id(json);
	}

	static UUID id(String json) {
		return UUID.fromString(JsonMapper.builder().build().readTree(json).get("id").asString());
	}

	String forResident(String username, String title, LocalDate dueOn) {
		return "{\"title\": \"" + title + "\", \"ownerResidentId\": \"" + resident(username) + "\", \"dueOn\": \"" + dueOn + "\"}";
	}

	int actionItems() {
		return jdbc.sql("select count(*) from government_action_item").query(Integer.class).single();
	}

	int followUps() {
		return jdbc.sql("select count(*) from government_follow_up").query(Integer.class).single();
	}

	@Test
	void theDirectorPagesThroughEveryActionItemOldestDueFirstWithoutDuplicatesOrGaps() throws Exception {
		int total = jdbc.sql("select count(*) from government_action_item where program_id = ?")
			.param(signIns.user("director").programId().value()).query(Integer.class).single();
		assertThat(total).as("the demo has action items").isGreaterThan(2);
		java.util.List<String> seen = new java.util.ArrayList<>();
		java.util.List<String> due = new java.util.ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			var request = get("/api/v1/action-items").param("limit", "2").with(signIns.as("director"));
			if (cursor != null) {
				request = request.param("cursor", cursor);
			}
			String body = mvc.perform(request)
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			var page = json.readTree(body);
			page.get("items").forEach(item -> {
				seen.add(item.get("id").asString());
				due.add(item.get("dueOn").asString());
			});
			cursor = page.get("next") == null || page.get("next").isNull() ? null
					: java.net.URLDecoder.decode(page.get("next").asString().replaceAll(".*[?&]cursor=([^&]*).*", "$1"),
							java.nio.charset.StandardCharsets.UTF_8);
			pages++;
		}
		while (cursor != null && pages < 100);
		assertThat(seen).hasSize(total).doesNotHaveDuplicates();
		assertThat(due).isSorted();
		assertThat(pages).isGreaterThan(1);
		mvc.perform(get("/api/v1/action-items").param("limit", "0").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
		mvc.perform(get("/api/v1/action-items").param("cursor", "not-a-cursor").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cursor"));
		mvc.perform(get("/api/v1/action-items").with(signIns.as("family"))).andExpect(status().isForbidden());
	}

	@Test
	void staffRecordAResidentsItemWhichTheResidentAloneOfTheResidentsSeesAndMarksDoneOnce() throws Exception {
		UUID meeting = meetingOf("resident01");
		String json = mvc.perform(postJson("/api/v1/meetings/" + meeting + "/action-items", "staff",
				forResident("resident01", "Write up the new chore rota", inAWeek())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.ownerResidentId").value(resident("resident01").toString()))
			.andExpect(jsonPath("$.ownerName").isNotEmpty())
			.andExpect(jsonPath("$.dueOn").value(inAWeek().toString()))
			.andReturn().getResponse().getContentAsString();
		UUID item = id(json);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'CREATE' and resident_id = ? "
				+ "and 'ActionItem' = any(resource_types) and ? = any(resource_ids)").params(resident("resident01"), item.toString())
			.query(Integer.class).single()).isEqualTo(1);

		mvc.perform(get("/api/v1/action-items?status=open").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + item + "')].title").value("Write up the new chore rota"));
		mvc.perform(get("/api/v1/action-items?status=open").with(signIns.as("resident02")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + item + "')]").isEmpty());
		mvc.perform(get("/api/v1/action-items").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + item + "')].status").value("OPEN"));
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'READ' and resident_id = ? "
				+ "and username = 'staff' and 'ActionItem' = any(resource_types)").param(resident("resident01"))
			.query(Integer.class).single()).isPositive();

		mvc.perform(postJson("/api/v1/action-items/" + item + "/done", "resident02", "{\"note\": \"not mine\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/action-items/" + item + "/done", "resident01", "{\"note\": \"On the board\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.doneBy").value("resident01"))
			.andExpect(jsonPath("$.doneNote").value("On the board"));
		mvc.perform(postJson("/api/v1/action-items/" + item + "/done", "staff", "{\"note\": \"again\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		assertThat(jdbc.sql("select done_by || ':' || done_note from government_action_item where id = ?").param(item)
			.query(String.class).single()).isEqualTo("resident01:On the board");
		mvc.perform(get("/api/v1/action-items?status=done").with(signIns.as("resident01")))
			.andExpect(jsonPath("$.items[?(@.id == '" + item + "')].status").value("DONE"));
	}

	@Test
	void aStaffOwnedItemIsMarkedDoneByStaffNotByAResident() throws Exception {
		UUID meeting = meetingOf("resident01");
		UUID item = id(mvc.perform(postJson("/api/v1/meetings/" + meeting + "/action-items", "director",
				"{\"title\": \"Order a new kettle\", \"ownerStaff\": \"staff2\", \"dueOn\": \"" + inAWeek() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ownerStaff").value("staff2"))
			.andReturn().getResponse().getContentAsString());
		mvc.perform(postJson("/api/v1/action-items/" + item + "/done", "resident01", "{}"))
			.andExpect(status().isForbidden());
		mvc.perform(postJson("/api/v1/action-items/" + item + "/done", "staff2", "{}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"));
	}

	@Test
	void badActionItemsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		UUID meeting = meetingOf("resident01");
		String path = "/api/v1/meetings/" + meeting + "/action-items";
		int before = actionItems();
		LocalDate yesterday = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(2);
		mvc.perform(postJson(path, "staff", forResident("resident01", "Too late", yesterday)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dueOn"));
		mvc.perform(postJson(path, "staff", "{\"title\": \"Nobody\", \"ownerResidentId\": \"" + UUID.randomUUID()
				+ "\", \"dueOn\": \"" + inAWeek() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("owner"));
		mvc.perform(postJson(path, "staff", forResident("resident02", "Another house", inAWeek())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("owner"));
		mvc.perform(postJson(path, "staff", "{\"title\": \"Who?\", \"ownerStaff\": \"no-such-person\", \"dueOn\": \""
				+ inAWeek() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("owner"));
		mvc.perform(postJson(path, "staff", "{\"title\": \"Both\", \"ownerStaff\": \"staff\", \"ownerResidentId\": \""
				+ resident("resident01") + "\", \"dueOn\": \"" + inAWeek() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("owner"));
		mvc.perform(postJson(path, "staff", forResident("resident01", " ", inAWeek())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		mvc.perform(postJson(path, "resident01", forResident("resident01", "By a resident", inAWeek())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/action-items?status=maybe").with(signIns.as("staff")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		assertThat(actionItems()).isEqualTo(before);
	}

	@Test
	void aProblemsFollowUpIsRecordedByStaffAndSeenByTheResidentWhoRaisedIt() throws Exception {
		UUID meeting = meetingOf("resident01");
		UUID problem = agendaItem(meeting, "resident01", "PROBLEM", "The washing machine leaks");
		UUID proposal = agendaItem(meeting, "resident01", "PROPOSAL", "A plant for the day room");
		int before = followUps();
		mvc.perform(postJson("/api/v1/agenda-items/" + proposal + "/follow-up", "staff", "{\"status\": \"IN_PROGRESS\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(postJson("/api/v1/agenda-items/" + problem + "/follow-up", "staff", "{\"status\": \"DECLINED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		mvc.perform(postJson("/api/v1/agenda-items/" + problem + "/follow-up", "staff", "{\"status\": \"IN_PROGRESS\", "
				+ "\"dueOn\": \"" + clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(2) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dueOn"));
		mvc.perform(postJson("/api/v1/agenda-items/" + problem + "/follow-up", "resident01", "{\"status\": \"RESOLVED\"}"))
			.andExpect(status().isForbidden());
		assertThat(followUps()).isEqualTo(before);

		mvc.perform(postJson("/api/v1/agenda-items/" + problem + "/follow-up", "staff", "{\"status\": \"IN_PROGRESS\", "
				+ "\"note\": \"Plumber called\", \"dueOn\": \"" + inAWeek() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.dueOn").value(inAWeek().toString()))
			.andExpect(jsonPath("$.history.length()").value(1));
		mvc.perform(postJson("/api/v1/agenda-items/" + problem + "/follow-up", "staff", "{\"status\": \"RAISED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(postJson("/api/v1/agenda-items/" + problem + "/follow-up", "director", "{\"status\": \"RESOLVED\", "
				+ "\"note\": \"Fixed\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("RESOLVED"))
			.andExpect(jsonPath("$.dueOn").value(inAWeek().toString()));
		mvc.perform(get("/api/v1/agenda-items/" + problem + "/follow-up").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.history.length()").value(2))
			.andExpect(jsonPath("$.history[0].status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.history[1].note").value("Fixed"));
		mvc.perform(get("/api/v1/agenda-items/" + problem + "/follow-up").with(signIns.as("resident03")))
			.andExpect(status().isForbidden());
		assertThat(followUps()).isEqualTo(before + 2);
	}

	@Test
	void thePagesShowStaffTheItemsAndProblemsAndAResidentTheirOwn() throws Exception {
		UUID meeting = meetingOf("resident01");
		mvc.perform(postJson("/api/v1/meetings/" + meeting + "/action-items", "staff",
				forResident("resident01", "Water the plants", inAWeek()))).andExpect(status().isCreated());
		mvc.perform(get("/action-items").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Water the plants")))
			.andExpect(content().string(Matchers.containsString("Problems awaiting follow-up")));
		mvc.perform(get("/action-items").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("My action items")))
			.andExpect(content().string(Matchers.containsString("Water the plants")));
		mvc.perform(get("/action-items").with(signIns.as("resident02")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("Water the plants"))));
		mvc.perform(get("/action-items").with(signIns.as("resident01")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Mis tareas")));
		mvc.perform(get("/meetings/" + meeting + "/action-items").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"action-new\"")))
			.andExpect(content().string(Matchers.containsString("Water the plants")));
		mvc.perform(get("/meetings/" + meeting + "/action-items").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"action-new\""))));

		int before = actionItems();
		mvc.perform(post("/meetings/" + meeting + "/action-items").with(signIns.as("staff")).with(csrf())
			.header("HX-Request", "true").param("title", "Check the smoke alarm").param("owner", "staff:staff")
			.param("dueOn", clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(3).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("The due date cannot be in the past.")));
		assertThat(actionItems()).isEqualTo(before);
		mvc.perform(post("/meetings/" + meeting + "/action-items").with(signIns.as("staff")).with(csrf())
			.header("HX-Request", "true").param("title", "Check the smoke alarm").param("owner", "staff:staff")
			.param("dueOn", inAWeek().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Check the smoke alarm")));
		assertThat(actionItems()).isEqualTo(before + 1);
		mvc.perform(get("/meetings/" + meeting).with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("/meetings/" + meeting + "/action-items")));
	}
}
