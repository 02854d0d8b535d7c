package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MilieuWebTest
class ApiTokenWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aTokenActsAsItsOwnerWithNoMoreRights() throws Exception {
		String token = create("staff", "census script");
		mvc.perform(get("/api/v1/residents").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(16));
		mvc.perform(get("/api/v1/residents/" + signIns.user("resident02").residentId()).header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/houses").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Token House\", \"kind\": \"MEN\", \"beds\": 1}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_record where username = 'staff' and 'Census' = any(resource_types) and occurred_at > now() - interval '1 minute'")
			.query(Integer.class).single()).isPositive();
	}

	@Test
	void theDirectorsTokenPostsWithoutACsrfToken() throws Exception {
		String token = create("director", "house importer");
		mvc.perform(post("/api/v1/houses").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Token " + UUID.randomUUID().toString().substring(0, 6) + "\", \"kind\": \"MEN\", \"beds\": 1}"))
			.andExpect(status().isCreated());
	}

	@Test
	void revokedExpiredUnknownAndDisabledOwnersTokensGet401() throws Exception {
		String revoked = create("clinician", "revoked");
		String id = jdbc.sql("select id::text from identity_api_token where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
			.param(revoked).query(String.class).single();
		mvc.perform(delete("/api/v1/tokens/" + id).with(signIns.as("clinician")).with(csrf())).andExpect(status().isNoContent());
		bearer(revoked).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.type").value("urn:milieu:problem:unauthenticated"));

		String expired = create("clinician", "expired");
		jdbc.sql("update identity_api_token set expires_at = now() - interval '1 second' where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
			.param(expired).update();
		bearer(expired).andExpect(status().isUnauthorized());

		bearer("mil_" + "x".repeat(43)).andExpect(status().isUnauthorized());
		bearer("not-even-a-token").andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenCannotMintAnotherAndTokensAreKeptOnlyAsHashes() throws Exception {
		String token = create("director", "no minting");
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"child\", \"expiresInDays\": 1}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from identity_api_token where token_hash = ? or prefix = ?").params(token, token)
			.query(Integer.class).single()).isZero();
		mvc.perform(get("/api/v1/tokens").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].token").doesNotExist());
	}

	@Test
	void badTokenRequestsAreRefusedByField() throws Exception {
		mvc.perform(post("/api/v1/tokens").with(signIns.as("staff")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"\", \"expiresInDays\": 400}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2));
		mvc.perform(post("/account/tokens").with(signIns.as("staff")).with(csrf()).param("name", "x").param("days", "0"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("1 to 365 days")));
	}

	@Test
	void aRetriedTokenRequestCreatesNothingAndTheSecretIsNeverKept() throws Exception {
		String key = UUID.randomUUID().toString();
		int before = jdbc.sql("select count(*) from identity_api_token").query(Integer.class).single();
		String first = mvc.perform(post("/api/v1/tokens").with(signIns.as("clinician")).with(csrf())
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"retried\", \"expiresInDays\": 2}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String token = json.readTree(first).get("token").asString();
		String retry = mvc.perform(post("/api/v1/tokens").with(signIns.as("clinician")).with(csrf())
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"retried\", \"expiresInDays\": 2}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:answer-withheld"))
			.andReturn().getResponse().getContentAsString();
		assertThat(retry).doesNotContain(token);
		assertThat(jdbc.sql("select count(*) from identity_api_token").query(Integer.class).single()).isEqualTo(before + 1);
		assertThat(jdbc.sql("select body is null and withheld from platform_idempotency_key where key = ?").param(key)
			.query(Boolean.class).single()).isTrue();
	}

	private org.springframework.test.web.servlet.ResultActions bearer(String token) throws Exception {
		return mvc.perform(get("/api/v1/houses").header("Authorization", "Bearer " + token));
	}

	private String create(String username, String name) throws Exception {
		String body = mvc.perform(post("/api/v1/tokens").with(signIns.as(username)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\", \"expiresInDays\": 7}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		// what follows must act by the token alone, not by the signed-in test user of this call
		TestSecurityContextHolder.clearContext();
		JsonNode node = json.readTree(body);
		assertThat(node.get("token").asString()).startsWith("mil_");
		return node.get("token").asString();
	}
}
