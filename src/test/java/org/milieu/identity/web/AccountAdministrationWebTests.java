package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MilieuWebTest
class AccountAdministrationWebTests {

	static final String GOOD_PASSWORD = "ferry lantern orchard 42";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void anInviteeSetsTheirPasswordOnceAndSignsInWithTheGivenRole() throws Exception {
		String username = "new-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode created = invite(username, "CLINICIAN");
		assertThat(created.get("passwordSet").asBoolean()).isFalse();
		String link = created.get("invitation").get("url").asString();
		String path = link.substring(link.indexOf("/invitation/"));

		mvc.perform(post(path).with(csrf()).param("password", "short").param("confirmation", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at least 12 characters")));
		mvc.perform(post(path).with(csrf()).param("password", "iloveyou1234").param("confirmation", "iloveyou1234"))
			.andExpect(content().string(containsString("commonly used passwords")));
		mvc.perform(post(path).with(csrf()).param("password", GOOD_PASSWORD).param("confirmation", GOOD_PASSWORD + "x"))
			.andExpect(content().string(containsString("not the same")));
		mvc.perform(post(path).with(csrf()).param("password", GOOD_PASSWORD).param("confirmation", GOOD_PASSWORD))
			.andExpect(redirectedUrl("/login?passwordSet"));

		mvc.perform(formLogin("/login").user(username).password(GOOD_PASSWORD)).andExpect(authenticated().withRoles("CLINICIAN"));
		mvc.perform(post(path).with(csrf()).param("password", GOOD_PASSWORD + "2").param("confirmation", GOOD_PASSWORD + "2"))
			.andExpect(content().string(containsString("not valid")));
	}

	@Test
	void badInvitationsAreRefusedByField() throws Exception {
		mvc.perform(post("/api/v1/users").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\": \"Bad Name!\", \"displayName\": \"X\", \"roles\": [\"STAFF\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("username"));
		mvc.perform(post("/api/v1/users").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\": \"staff\", \"displayName\": \"X\", \"roles\": [\"STAFF\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("already taken")));
		mvc.perform(post("/api/v1/users").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\": \"someone-new\", \"displayName\": \"X\", \"roles\": []}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roles"));
	}

	@Test
	void disablingAnAccountEndsItsLiveSessionAtOnce() throws Exception {
		String username = "live-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode created = invite(username, "STAFF");
		String link = created.get("invitation").get("url").asString();
		mvc.perform(post(link.substring(link.indexOf("/invitation/"))).with(csrf()).param("password", GOOD_PASSWORD)
			.param("confirmation", GOOD_PASSWORD)).andExpect(status().isFound());
		MvcResult signedIn = mvc.perform(formLogin("/login").user(username).password(GOOD_PASSWORD))
			.andExpect(authenticated()).andReturn();
		Cookie session = signedIn.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());

		mvc.perform(post("/api/v1/users/" + created.get("id").asString() + "/disable").with(signIns.as("director")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));

		mvc.perform(get("/account").cookie(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin("/login").user(username).password(GOOD_PASSWORD)).andExpect(unauthenticated());
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCOUNT_CHANGE' and detail like ?")
			.param(username + ": disabled%").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void signingOutEverywhereEndsEverySession() throws Exception {
		String username = "twice-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode created = invite(username, "STAFF");
		String link = created.get("invitation").get("url").asString();
		mvc.perform(post(link.substring(link.indexOf("/invitation/"))).with(csrf()).param("password", GOOD_PASSWORD)
			.param("confirmation", GOOD_PASSWORD));
		Cookie tablet = mvc.perform(formLogin("/login").user(username).password(GOOD_PASSWORD)).andReturn().getResponse().getCookie("SESSION");
		Cookie desk = mvc.perform(formLogin("/login").user(username).password(GOOD_PASSWORD)).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(get("/account").cookie(tablet)).andExpect(status().isOk());
		mvc.perform(post("/account/sign-out-everywhere").cookie(desk).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
		mvc.perform(get("/account").cookie(tablet)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/account").cookie(desk)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theAccountPagesWork() throws Exception {
		mvc.perform(get("/admin/users").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("clinician2")));
		mvc.perform(post("/admin/users").with(signIns.as("director")).with(csrf()).param("username", "x")
			.param("displayName", "Somebody").param("roles", "STAFF"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 to 64 characters")));
		String username = "page-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/admin/users").with(signIns.as("director")).with(csrf()).param("username", username)
			.param("displayName", "Page Person").param("roles", "STAFF"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/invitation/")));
		mvc.perform(get("/admin/users").with(signIns.as("staff"))).andExpect(status().isForbidden());
	}

	private JsonNode invite(String username, String role) throws Exception {
		String body = mvc.perform(post("/api/v1/users").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\": \"" + username + "\", \"displayName\": \"Test Person\", \"roles\": [\"" + role + "\"]}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return json.readTree(body);
	}
}
