package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.AccountAdministration;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.shared.ProgramId;
import org.milieu.shared.StateConflict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Nobody locks the program out: an administrator cannot disable, demote or reset their own
 * account through administration (they change their own password and second factor on their own
 * account page, with their current credentials), and a program's last active administrator can
 * never be disabled, demoted or reset. Each refusal is a 409 and changes nothing.
 */
@MilieuWebTest
class SelfLockOutWebTests {

	static final String PASSWORD = "harbour kettle meadow 77";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Test
	void theDirectorCannotResetDisableOrDemoteThemselvesThroughTheApi() throws Exception {
		MilieuUser director = signIns.user("director");
		String self = "/api/v1/users/" + director.accountId();
		String before = state(director.accountId());
		int version = jdbc.sql("select version from identity_account where id = ?").param(director.accountId())
			.query(Integer.class).single();

		expectRefused(post(self + "/invitation"), "own access");
		expectRefused(post(self + "/second-factor/reset"), "own second factor");
		expectRefused(post(self + "/disable"), "disable your own");
		expectRefused(put(self).header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
			.content("{\"displayName\": \"Director\", \"roles\": [\"CLINICIAN\"]}"), "director role away from yourself");

		assertThat(state(director.accountId())).isEqualTo(before);
		mvc.perform(formLogin("/login").user("director").password("milieu-demo")).andExpect(authenticated());
	}

	@Test
	void theUserListOffersNoResetOrDisableOnTheDirectorsOwnRow() throws Exception {
		UUID self = signIns.user("director").accountId();
		UUID other = signIns.user("staff").accountId();
		mvc.perform(get("/admin/users").with(signIns.as("director")))
			.andExpect(content().string(containsString("/admin/users/" + other + "/reset")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/admin/users/" + self + "/reset"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/admin/users/" + self + "/disable"))));
		mvc.perform(post("/admin/users/" + self + "/reset").with(signIns.as("director")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("problem", "account.self-reset"));
	}

	@Test
	void twoDirectorsDemotingEachOtherAtOnceLeaveOneDirector() throws Exception {
		ProgramId program = newProgram();
		MilieuUser first = admin(program, "first");
		MilieuUser second = admin(program, "second");
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<String>> both = new ArrayList<>();
		for (MilieuUser[] pair : new MilieuUser[][] { { first, second }, { second, first } }) {
			both.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await(10, TimeUnit.SECONDS);
					int version = jdbc.sql("select version from identity_account where id = ?").param(pair[1].accountId())
						.query(Integer.class).single();
					administration.revise(pair[0], pair[1].accountId(), version, "Demoted", Set.of(Role.CLINICIAN), Set.of());
					return "demoted";
				}
				catch (StateConflict refused) {
					return refused.code();
				}
				catch (Exception ex) {
					return ex.toString();
				}
			}));
		}
		List<String> outcomes = both.stream().map(f -> f.orTimeout(30, TimeUnit.SECONDS).join()).sorted().toList();
		assertThat(outcomes).containsExactly("account.last-administrator", "demoted");
		assertThat(activeAdministrators(program)).isEqualTo(1);
	}

	@Test
	void theLastActiveDirectorIsNeverDisabledDemotedOrReset() {
		ProgramId program = newProgram();
		MilieuUser last = admin(program, "last");
		// a director whose role was taken away while their session still carried it
		MilieuUser stale = admin(program, "stale");
		jdbc.sql("update identity_account set enabled = false where id = ?").param(stale.accountId()).update();
		String before = state(last.accountId());

		assertThatThrownBy(() -> administration.disable(stale, last.accountId())).isInstanceOf(StateConflict.class)
			.hasMessage("account.last-administrator");
		assertThatThrownBy(() -> administration.resetAccess(stale, last.accountId())).isInstanceOf(StateConflict.class)
			.hasMessage("account.last-administrator");
		assertThatThrownBy(() -> administration.resetSecondFactor(stale, last.accountId())).isInstanceOf(StateConflict.class)
			.hasMessage("account.last-administrator");
		assertThatThrownBy(() -> administration.revise(stale, last.accountId(), 0, "Last", Set.of(Role.STAFF), Set.of()))
			.isInstanceOf(StateConflict.class).hasMessage("account.last-administrator");

		assertThat(state(last.accountId())).isEqualTo(before);
		assertThat(activeAdministrators(program)).isEqualTo(1);
	}

	@Test
	void aPersonChangesTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
		String username = "own-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.open(new NewAccount(signIns.user("director").programId(), username, "Own Person", PASSWORD,
				Set.of(Role.STAFF), null));
		Cookie desk = mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andReturn().getResponse()
			.getCookie("SESSION");
		Cookie tablet = mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andReturn().getResponse()
			.getCookie("SESSION");
		String newPassword = "lighthouse pebble violet 19";

		mvc.perform(post("/account/password").cookie(desk).with(csrf()).param("currentPassword", "not my password")
			.param("newPassword", newPassword))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("current password or code is not right")));
		mvc.perform(post("/account/password").cookie(desk).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at least 12 characters")));
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());

		mvc.perform(post("/account/password").cookie(desk).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", newPassword))
			.andExpect(redirectedUrl("/account"));
		mvc.perform(get("/account").cookie(desk)).andExpect(status().isOk());
		mvc.perform(get("/account").cookie(tablet)).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(formLogin("/login").user(username).password(newPassword)).andExpect(authenticated());
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCOUNT_CHANGE' and username = ? and outcome = ?")
			.params(username, "FAILURE").query(Integer.class).single()).isEqualTo(1);
	}

	private void expectRefused(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String reason) throws Exception {
		mvc.perform(request.with(signIns.as("director")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString(reason)));
	}

	/** Everything a reset, disable or demotion would change. */
	private String state(UUID accountId) {
		return jdbc.sql("""
				select a.enabled || '|' || coalesce(a.password_hash, '-') || '|' || a.version || '|'
				       || (select string_agg(role, ',' order by role) from identity_account_role where account_id = a.id) || '|'
				       || (select count(*) from identity_totp where account_id = a.id) || '|'
				       || (select count(*) from identity_recovery_code where account_id = a.id) || '|'
				       || (select count(*) from identity_invitation where account_id = a.id)
				  from identity_account a where a.id = ?""").param(accountId).query(String.class).single();
	}

	private ProgramId newProgram() {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into platform_program (id, name) values (?, ?)").params(id, "Lock-out " + id).update();
		return new ProgramId(id);
	}

	private MilieuUser admin(ProgramId program, String name) {
		String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.open(new NewAccount(program, username, "Director " + name, PASSWORD, Set.of(Role.ADMIN), null));
		return signIns.user(username);
	}

	private int activeAdministrators(ProgramId program) {
		return jdbc.sql("""
				select count(*) from identity_account a join identity_account_role r on r.account_id = a.id
				 where a.program_id = ? and a.enabled and r.role = 'ADMIN'""").param(program.value()).query(Integer.class).single();
	}
}
