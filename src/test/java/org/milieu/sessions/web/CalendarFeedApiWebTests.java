package org.milieu.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calendar-feed API: a feed is made with its link shown once, listed without it, revoked by its
 * owner only; who may not have a kind of feed gets 403, bad input a problem naming the field, and
 * nothing is made.
 */
@MilieuWebTest
class CalendarFeedApiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private UUID house(String prefix) {
		return jdbc.sql("select id from residents_house where name like ?").param(prefix + "%").query(UUID.class).single();
	}

	private int feedsOf(String username) {
		return jdbc.sql("select count(*) from sessions_calendar_feed where owner_account_id = ?")
			.param(signIns.user(username).accountId()).query(Integer.class).single();
	}

	private JsonNode create(String username, String body) throws Exception {
		String answer = mvc.perform(post("/api/v1/calendar-feeds").with(signIns.as(username)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Location", startsWith("/api/v1/calendar-feeds/")))
			.andReturn().getResponse().getContentAsString();
		return json.readTree(answer);
	}

	@Test
	void aStaffMemberMakesAHouseFeedSeesItsLinkOnceAndRevokesIt() throws Exception {
		JsonNode made = create("staff", "{\"kind\": \"HOUSE\", \"houseId\": \"" + house("Bayview") + "\"}");
		String url = made.get("url").asString();
		assertThat(url).matches("http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics");
		assertThat(made.get("houseName").asString()).startsWith("Bayview");

		String listed = mvc.perform(get("/api/v1/calendar-feeds").with(signIns.as("staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(listed).contains(made.get("id").asString()).doesNotContain(url.substring(url.lastIndexOf('/') + 1, url.length() - 4));
		mvc.perform(get(url.substring("http://localhost".length()))).andExpect(status().isOk());

		mvc.perform(delete("/api/v1/calendar-feeds/" + made.get("id").asString()).with(signIns.as("staff")).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(get(url.substring("http://localhost".length()))).andExpect(status().isNotFound());
	}

	@Test
	void aResidentMakesAFeedOfTheirOwnSessionsOnly() throws Exception {
		JsonNode made = create("resident01", "{\"kind\": \"RESIDENT\"}");
		assertThat(made.get("kind").asString()).isEqualTo("RESIDENT");
		int before = feedsOf("resident01");

		mvc.perform(post("/api/v1/calendar-feeds").with(signIns.as("resident01")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"HOUSE\", \"houseId\": \"" + house("Bayview") + "\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		mvc.perform(post("/api/v1/calendar-feeds").with(signIns.as("resident01")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"STAFF\"}"))
			.andExpect(status().isForbidden());
		assertThat(feedsOf("resident01")).isEqualTo(before);
	}

	@Test
	void staffMakeNoFeedOfAHouseTheyDoNotWorkInNorOfAResident() throws Exception {
		int before = feedsOf("staff");
		mvc.perform(post("/api/v1/calendar-feeds").with(signIns.as("staff")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"HOUSE\", \"houseId\": \"" + house("Linden") + "\"}"))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")));
		mvc.perform(post("/api/v1/calendar-feeds").with(signIns.as("staff")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"RESIDENT\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/calendar-feeds").with(signIns.as("family")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"STAFF\"}"))
			.andExpect(status().isForbidden());
		assertThat(feedsOf("staff")).isEqualTo(before);
	}

	@Test
	void badInputIsAProblemNamingTheField() throws Exception {
		int before = feedsOf("director");
		mvc.perform(post("/api/v1/calendar-feeds").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"HOUSE\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("houseId"));
		mvc.perform(post("/api/v1/calendar-feeds").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"HOUSE\", \"houseId\": \"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("houseId"));
		mvc.perform(post("/api/v1/calendar-feeds").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(post("/api/v1/calendar-feeds").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"EVERYONE\"}"))
			.andExpect(status().isBadRequest());
		assertThat(feedsOf("director")).isEqualTo(before);
	}

	@Test
	void someoneElsesFeedIsNotFoundAndStaysWorking() throws Exception {
		JsonNode made = create("clinician", "{\"kind\": \"STAFF\"}");
		String path = made.get("url").asString().substring("http://localhost".length());

		mvc.perform(delete("/api/v1/calendar-feeds/" + made.get("id").asString()).with(signIns.as("director")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get(path)).andExpect(status().isOk());
	}
}
