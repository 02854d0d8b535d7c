package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MilieuWebTest
class SignInWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signInPageIsPublicAndCarriesACsrfToken() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("name=\"username\"")));
	}

	@Test
	void theDemoDirectorSignsInAndLandsHome() throws Exception {
		mvc.perform(formLogin("/login").user("director").password("milieu-demo"))
			.andExpect(authenticated().withRoles("ADMIN"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
		String wrong = mvc.perform(formLogin("/login").user("director").password("not-the-password"))
			.andExpect(unauthenticated())
			.andReturn().getResponse().getRedirectedUrl();
		String unknown = mvc.perform(formLogin("/login").user("nobody-here").password("not-the-password"))
			.andExpect(unauthenticated())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(wrong).isEqualTo("/login?error").isEqualTo(unknown);
	}

	@Test
	void pagesSendStrangersToSignIn() throws Exception {
		mvc.perform(get("/residents")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		mvc.perform(post("/logout").with(signIns.as("staff")).with(csrf()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?signedOut"));
	}

	@Test
	void healthIsPublicAndTheOtherActuatorEndpointsAreForTheDirector() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(content().string(containsString("UP")));
		mvc.perform(get("/actuator/metrics")).andExpect(status().isFound());
		mvc.perform(get("/actuator/metrics").with(signIns.as("staff"))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/metrics").with(signIns.as("director"))).andExpect(status().isOk());
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	@Test
	void passwordsAreKeptAsArgon2idHashes() {
		String hash = jdbc.sql("select password_hash from identity_account where username = 'director'")
			.query(String.class).single();
		assertThat(hash).startsWith("$argon2id$").doesNotContain("milieu-demo");
	}
}
