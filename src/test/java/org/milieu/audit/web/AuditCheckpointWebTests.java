package org.milieu.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The director takes a checkpoint of the audit chain and verifies the rows written since. */
@MilieuWebTest
class AuditCheckpointWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDirectorTakesACheckpointAndLaterVerifiesOnlyTheRowsWrittenSince() throws Exception {
		String body = mvc.perform(post("/api/v1/audit/checkpoints").with(signIns.as("director")).with(csrf()))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long lastId = ((Number) JsonPath.read(body, "$.lastId")).longValue();
		long checkpointId = ((Number) JsonPath.read(body, "$.id")).longValue();
		assertThat(lastId).isEqualTo(jdbc.sql("select max(last_id) from audit_chain_head").query(Long.class).single());
		// a read leaves audit rows after the checkpoint
		mvc.perform(get("/api/v1/residents").with(signIns.as("staff"))).andExpect(status().isOk());
		long since = jdbc.sql("select count(*) from audit_record where id > ?").param(lastId).query(Long.class).single();
		assertThat(since).isPositive();
		mvc.perform(get("/api/v1/audit/verification/since-checkpoint").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checkpoint.id").value(checkpointId))
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.checked").value(org.hamcrest.Matchers.greaterThanOrEqualTo((int) since)));
	}

	@Test
	void onlyTheDirectorTakesOrChecksCheckpoints() throws Exception {
		long before = jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single();
		mvc.perform(post("/api/v1/audit/checkpoints").with(signIns.as("clinician")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/verification/since-checkpoint").with(signIns.as("staff")))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single()).isEqualTo(before);
	}
}
