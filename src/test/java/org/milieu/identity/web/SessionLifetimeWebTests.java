package org.milieu.identity.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.milieu.shared.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

/** Idle and absolute session limits, with the application clock moved by the test. */
@SpringBootTest
@AutoConfigureMockMvc
class SessionLifetimeWebTests {

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Test
	void fifteenIdleMinutesEndTheSessionButActivityKeepsItAlive() throws Exception {
		Cookie session = signIn();
		clock.advance(Duration.ofMinutes(14));
		mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(14));
		mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(16));
		mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void twelveHoursAfterSignInTheSessionEndsHoweverBusy() throws Exception {
		Cookie session = signIn();
		for (int i = 0; i < 71; i++) {
			clock.advance(Duration.ofMinutes(10));
			mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());
		}
		clock.advance(Duration.ofMinutes(11));
		mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void anExpiredSessionGetsA401ProblemOnTheApi() throws Exception {
		Cookie session = signIn();
		mvc.perform(get("/api/v1/houses").cookie(session)).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(20));
		mvc.perform(get("/api/v1/houses").cookie(session))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("ended")));
	}

	private Cookie signIn() throws Exception {
		Cookie session = mvc.perform(formLogin("/login").user("staff").password("milieu-demo")).andReturn().getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());
		return session;
	}
}
