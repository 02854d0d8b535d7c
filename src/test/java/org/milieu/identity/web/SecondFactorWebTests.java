package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.identity.SecondFactorCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@MilieuWebTest
class SecondFactorWebTests {

	static final String PASSWORD = "harbour kettle violet 7";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	DemoSignIns signIns;

	/** The server's clock: the test plays the authenticator app, which shows codes for the same time. */
	@Autowired
	Clock clock;

	@Test
	void afterEnrolmentSignInNeedsACurrentCodeThatWorksOnce() throws Exception {
		String username = newAccount();
		Cookie session = signIn(username);
		Document enrolment = page(session, "/account/second-factor");
		String secret = enrolment.getElementById("secret").text();
		assertThat(enrolment.selectFirst("img.qr").attr("src")).startsWith("data:image/png;base64,");

		mvc.perform(post("/account/second-factor").cookie(session).with(csrf()).param("code", "000000"))
			.andExpect(content().string(containsString("not right")));
		Instant enrolledAt = clock.instant();
		String enrolmentCode = SecondFactorCodes.code(secret, enrolledAt, 0);
		MvcResult enrolled = mvc.perform(post("/account/second-factor").cookie(session).with(csrf())
			.param("code", enrolmentCode)).andExpect(status().isOk()).andReturn();
		List<String> recovery = Jsoup.parse(enrolled.getResponse().getContentAsString()).select("#recovery-codes li").eachText();
		assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

		Cookie second = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andExpect(redirectedUrl("/login/second-factor")).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(get("/account").cookie(second)).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(get("/api/v1/houses").cookie(second)).andExpect(status().isForbidden());
		mvc.perform(post("/login/second-factor").cookie(second).with(csrf()).param("code", enrolmentCode))
			.andExpect(content().string(containsString("already used")));
		MvcResult in = mvc.perform(post("/login/second-factor").cookie(second).with(csrf())
			.param("code", SecondFactorCodes.code(secret, enrolledAt, 1))).andExpect(redirectedUrl("/")).andReturn();
		Cookie full = in.getResponse().getCookie("SESSION") != null ? in.getResponse().getCookie("SESSION") : second;
		mvc.perform(get("/account").cookie(full)).andExpect(status().isOk());
	}

	@Test
	void aRecoveryCodeStandsInForThePhoneOnce() throws Exception {
		String username = newAccount();
		String recovery = enrol(signIn(username)).select("#recovery-codes li").first().text();

		Cookie first = mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(post("/login/second-factor").cookie(first).with(csrf()).param("code", recovery)).andExpect(redirectedUrl("/"));
		Cookie again = mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(post("/login/second-factor").cookie(again).with(csrf()).param("code", recovery))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not right")));
	}

	@Test
	void wrongCodesCountTowardTheLockout() throws Exception {
		String username = newAccount();
		Cookie session = signIn(username);
		enrol(session);
		Cookie pending = mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andReturn().getResponse().getCookie("SESSION");
		for (int i = 0; i < 4; i++) {
			mvc.perform(post("/login/second-factor").cookie(pending).with(csrf()).param("code", "000001"))
				.andExpect(status().isOk());
		}
		mvc.perform(post("/login/second-factor").cookie(pending).with(csrf()).param("code", "000002"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void reEnteringThePasswordDoesNotResetTheCountOfWrongCodes() throws Exception {
		String username = newAccount();
		Cookie session = signIn(username);
		enrol(session);
		Cookie pending = mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andReturn().getResponse().getCookie("SESSION");
		for (int i = 0; i < 4; i++) {
			mvc.perform(post("/login/second-factor").cookie(pending).with(csrf()).param("code", "000003"));
		}
		Cookie again = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andExpect(redirectedUrl("/login/second-factor")).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(post("/login/second-factor").cookie(again).with(csrf()).param("code", "000004"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theDirectorResetsALostSecondFactorAndThePasswordAloneThenSignsIn() throws Exception {
		String username = newAccount();
		Cookie session = signIn(username);
		enrol(session);
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login/second-factor"));

		String id = accounts.findByUsername(username).orElseThrow().id().toString();
		mvc.perform(post("/api/v1/users/" + id + "/second-factor/reset").with(signIns.as("director")).with(csrf()))
			.andExpect(status().isOk());
		mvc.perform(get("/account").cookie(session)).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/"));
	}

	/** Enrols an authenticator in the signed-in session; returns the page with the recovery codes. */
	private Document enrol(Cookie session) throws Exception {
		String secret = page(session, "/account/second-factor").getElementById("secret").text();
		return Jsoup.parse(mvc.perform(post("/account/second-factor").cookie(session).with(csrf())
			.param("code", SecondFactorCodes.code(secret, clock.instant(), 0))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString());
	}

	private String newAccount() {
		String username = "mfa-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.open(new NewAccount(signIns.user("director").programId(), username, "Second Factor", PASSWORD,
				Set.of(Role.STAFF), null));
		return username;
	}

	private Cookie signIn(String username) throws Exception {
		return mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/"))
			.andReturn().getResponse().getCookie("SESSION");
	}

	private Document page(Cookie session, String path) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).cookie(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}
}
