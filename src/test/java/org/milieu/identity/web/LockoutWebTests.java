package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@MilieuWebTest
class LockoutWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveWrongPasswordsLockTheAccountAndTheRightOneNoLongerHelps() throws Exception {
		String username = newAccount();
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user(username).password("wrong-password-" + i)).andExpect(unauthenticated());
		}
		MvcResult locked = mvc.perform(formLogin("/login").user(username).password("the-right-password"))
			.andExpect(unauthenticated()).andReturn();
		assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
	}

	@Test
	void fourWrongPasswordsDoNotLock() throws Exception {
		String username = newAccount();
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin("/login").user(username).password("wrong-password-" + i)).andExpect(unauthenticated());
		}
		mvc.perform(formLogin("/login").user(username).password("the-right-password")).andExpect(authenticated());
	}

	@Test
	void unknownUserWrongPasswordAndLockedAccountAnswerAlike() throws Exception {
		String lockedUser = newAccount();
		for (int i = 0; i < 6; i++) {
			mvc.perform(formLogin("/login").user(lockedUser).password("wrong-" + i));
		}
		MvcResult locked = mvc.perform(formLogin("/login").user(lockedUser).password("the-right-password")).andReturn();
		MvcResult wrong = mvc.perform(formLogin("/login").user(newAccount()).password("wrong")).andReturn();
		MvcResult unknown = mvc.perform(formLogin("/login").user("nobody-" + UUID.randomUUID()).password("wrong")).andReturn();
		for (MvcResult other : new MvcResult[] { wrong, unknown }) {
			assertThat(other.getResponse().getStatus()).isEqualTo(locked.getResponse().getStatus());
			assertThat(other.getResponse().getRedirectedUrl()).isEqualTo(locked.getResponse().getRedirectedUrl());
			assertThat(other.getResponse().getContentAsString()).isEqualTo(locked.getResponse().getContentAsString());
		}
	}

	@Test
	void signInsAndFailuresAreAudited() throws Exception {
		String username = newAccount();
		mvc.perform(formLogin("/login").user(username).password("wrong"));
		mvc.perform(formLogin("/login").user(username).password("the-right-password")).andExpect(authenticated());
		assertThat(jdbc.sql("select action || ':' || outcome from audit_record where username = ? order by id")
			.param(username).query(String.class).list())
			.containsExactly("SIGN_IN_FAILED:FAILURE", "SIGN_IN:SUCCESS");
	}

	@Test
	void aDisabledAccountCannotSignIn() throws Exception {
		String username = newAccount();
		jdbc.sql("update identity_account set enabled = false where username = ?").param(username).update();
		mvc.perform(formLogin("/login").user(username).password("the-right-password")).andExpect(unauthenticated());
	}

	private String newAccount() {
		String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.open(new NewAccount(signIns.user("director").programId(), username, "Test Person", "the-right-password",
				Set.of(Role.STAFF), null));
		return username;
	}
}
