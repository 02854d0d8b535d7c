package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MilieuWebTest
class EmergencyAccessWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNightNurseBreaksTheGlassWithAReasonAndEveryReadIsMarkedEmergencyForReview() throws Exception {
		String nurse = "relief-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.open(new NewAccount(signIns.user("director").programId(), nurse, "Relief Nurse", null, Set.of(Role.STAFF), null));
		UUID resident = signIns.user("resident06").residentId();

		mvc.perform(get("/api/v1/residents/" + resident).with(signIns.as(nurse))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/residents/" + resident + "/emergency-access").with(signIns.as(nurse)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"short\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/v1/residents/" + resident + "/emergency-access").with(signIns.as(nurse)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"Resident found unwell at 3 a.m.; need medication allergies\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.expiresAt").exists());

		mvc.perform(get("/api/v1/residents/" + resident).with(signIns.as(nurse))).andExpect(status().isOk());
		assertThat(jdbc.sql("""
				select action || ':' || purpose from audit_record where username = ? and resident_id = ? order by id""")
			.params(nurse, resident).query(String.class).list())
			.containsExactly("ACCESS_DENIED:NORMAL", "EMERGENCY_ACCESS:EMERGENCY", "READ:EMERGENCY");
		mvc.perform(get("/api/v1/residents/" + signIns.user("resident08").residentId()).with(signIns.as(nurse)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/residents").with(signIns.as(nurse)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(resident.toString()));
		assertThat(jdbc.sql("select purpose from audit_record where username = ? and 'Census' = any(resource_types)").param(nurse)
			.query(String.class).list()).containsExactly("EMERGENCY");

		mvc.perform(get("/admin/emergency-access").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("need medication allergies")));
		String grant = jdbc.sql("select e.id::text from identity_emergency_access e join identity_account a on a.id = e.account_id where a.username = ?")
			.param(nurse).query(String.class).single();
		mvc.perform(post("/api/v1/emergency-access/" + grant + "/review").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"Called the nurse; justified.\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/emergency-access").with(signIns.as("director")))
			.andExpect(jsonPath("$[?(@.id == '" + grant + "')].reviewedBy").value("director"));
	}

	@Test
	void residentsCannotBreakTheGlass() throws Exception {
		UUID other = signIns.user("resident03").residentId();
		mvc.perform(post("/api/v1/residents/" + other + "/emergency-access").with(signIns.as("resident01")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"I would like to see their record\"}"))
			.andExpect(status().isForbidden());
	}
}
