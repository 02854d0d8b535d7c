package org.milieu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.milieu.platform.database.EmbeddedDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A production installation's first start founds the program and its director from the environment,
 * and in production the director must enrol a second factor before using anything.
 */
@SpringBootTest(properties = { "milieu.bootstrap.program-name=Riverside Recovery",
		"milieu.bootstrap.admin-username=jordan", "milieu.bootstrap.admin-password=a-long-first-password",
		"milieu.bootstrap.time-zone=America/Denver" })
@AutoConfigureMockMvc
class FirstDirectorTests {

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) {
		EmbeddedDatabase server = EmbeddedDatabase.ephemeral();
		String url = server.freshDatabase("milieu_first_director");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", server::username);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void theFirstDirectorSignsInAndMustEnrolASecondFactorBeforeAnythingElse() throws Exception {
		assertThat(jdbc.sql("select name || ' ' || time_zone from platform_program").query(String.class).list())
			.containsExactly("Riverside Recovery America/Denver");
		assertThat(jdbc.sql("select username from identity_account").query(String.class).list()).containsExactly("jordan");
		var signedIn = mvc.perform(formLogin("/login").user("jordan").password("a-long-first-password"))
			.andExpect(authenticated())
			.andExpect(redirectedUrl("/account/second-factor"))
			.andReturn();
		var session = signedIn.getResponse().getCookie("SESSION");
		mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/second-factor"));
		mvc.perform(get("/api/v1/houses").cookie(session)).andExpect(status().isForbidden());
		mvc.perform(get("/account/second-factor").cookie(session)).andExpect(status().isOk());
	}
}
