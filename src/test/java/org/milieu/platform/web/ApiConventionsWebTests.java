package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@MilieuWebTest
class ApiConventionsWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void unauthenticatedApiCallGets401ProblemNotARedirect() throws Exception {
		mvc.perform(get("/api/v1/residents"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().doesNotExist("Location"))
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:unauthenticated"))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void validationFailureNamesEachFieldAndCreatesNothing() throws Exception {
		int before = houseCount();
		mvc.perform(newHouse("""
				{"name": " ", "kind": "MEN", "beds": 500}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:validation"))
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].field").value("beds"))
			.andExpect(jsonPath("$.errors[1].field").value("name"))
			.andExpect(jsonPath("$.detail").value(containsString("2")));
		assertThat(houseCount()).isEqualTo(before);
	}

	@Test
	void malformedJsonGets400SayingWhere() throws Exception {
		mvc.perform(newHouse("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:malformed-request"))
			.andExpect(jsonPath("$.detail").value(containsString("line 1")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
	}

	@Test
	void unknownFieldIsRefusedByName() throws Exception {
		mvc.perform(newHouse("""
				{"name": "Oak", "kind": "MEN", "beds": 2, "colour": "red"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("colour"));
	}

	@Test
	void wrongTypeIsRefusedByName() throws Exception {
		mvc.perform(newHouse("""
				{"name": "Oak", "kind": "MEN", "beds": "many"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("beds"));
		mvc.perform(newHouse("""
				{"name": "Oak", "kind": "BOTH", "beds": 2}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.detail").value(containsString("MEN, WOMEN, MIXED")));
	}

	@Test
	void aValueOfAnotherJsonTypeIsRefusedByNameNotCoerced() throws Exception {
		int before = houses();
		for (String body : new String[] { """
				{"name": true, "kind": "MEN", "beds": 2}""", """
				{"name": 42, "kind": "MEN", "beds": 2}""", """
				{"name": "Oak", "kind": "MEN", "beds": "2"}""", """
				{"name": "Oak", "kind": "MEN", "beds": 2.5}""", """
				{"name": "Oak", "kind": 0, "beds": 2}""" }) {
			String field = body.contains("\"name\": \"Oak\"") ? (body.contains("\"kind\": 0") ? "kind" : "beds") : "name";
			mvc.perform(newHouse(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("urn:milieu:problem:malformed-request"))
				.andExpect(jsonPath("$.errors[0].field").value(field));
		}
		org.assertj.core.api.Assertions.assertThat(houses()).isEqualTo(before);
	}

	@Test
	void aParameterWithoutANameIsA400BeforeAnythingElseReadsIt() throws Exception {
		mvc.perform(get("/api/v1/houses").with(signIns.as("director")).with(request -> {
			request.setQueryString("=x");
			return request;
		}))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:malformed-request"));
	}

	@Test
	void aPagingParameterGivenTwiceIsA400NamingIt() throws Exception {
		mvc.perform(get("/api/v1/meetings").param("limit", "5", "7").with(signIns.as("director")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
	}

	@Test
	void anUnsupportedMethodIsA405ListingTheAllowedOnes() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.request(org.springframework.http.HttpMethod.valueOf("QUERY"), "/api/v1/houses")
			.with(signIns.as("director")).with(csrf()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", containsString("GET")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/houses")
			.with(signIns.as("director")).with(csrf()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", containsString("POST")));
	}

	@Test
	void problemsSpeakTheCallersLanguage() throws Exception {
		mvc.perform(newHouse("{\"name\": ").header("Accept-Language", "es"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("línea 1")));
	}

	@Test
	void updateWithoutIfMatchIsRefusedWith428() throws Exception {
		String id = createHouse(uniqueName(), null);
		mvc.perform(reviseHouse(id, null, uniqueName()))
			.andExpect(status().isPreconditionRequired())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:precondition-required"));
	}

	@Test
	void staleIfMatchGives412AndChangesNothing() throws Exception {
		String name = uniqueName();
		String id = createHouse(name, null);
		mvc.perform(reviseHouse(id, "\"0\"", name + " A")).andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
		mvc.perform(reviseHouse(id, "\"0\"", name + " B"))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:stale-version"));
		mvc.perform(get("/api/v1/houses/" + id).with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value(name + " A"));
	}

	@Test
	void retryWithSameKeyAndBodyReplaysTheFirstResponseAndCreatesNothing() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = houseJson(uniqueName());
		int before = houseCount();
		MvcResult first = mvc.perform(newHouse(body).header("Idempotency-Key", key)).andExpect(status().isCreated()).andReturn();
		MvcResult retry = mvc.perform(newHouse(body).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andReturn();
		assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		assertThat(retry.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
		assertThat(houseCount()).isEqualTo(before + 1);
	}

	@Test
	void sameKeyWithAnotherBodyGives422() throws Exception {
		String key = UUID.randomUUID().toString();
		mvc.perform(newHouse(houseJson(uniqueName())).header("Idempotency-Key", key)).andExpect(status().isCreated());
		int before = houseCount();
		mvc.perform(newHouse(houseJson(uniqueName())).header("Idempotency-Key", key))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:idempotency-key-reused"));
		assertThat(houseCount()).isEqualTo(before);
	}

	@Test
	void aFailedCallLeavesNoTraceSoTheKeyCanBeRetriedWithACorrectedBody() throws Exception {
		String key = UUID.randomUUID().toString();
		mvc.perform(newHouse("{\"name\": \"\", \"kind\": \"MEN\", \"beds\": 1}").header("Idempotency-Key", key))
			.andExpect(status().isBadRequest());
		mvc.perform(newHouse(houseJson(uniqueName())).header("Idempotency-Key", key)).andExpect(status().isCreated());
	}

	@Test
	void concurrentCallsWithOneKeyCreateExactlyOnce() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = houseJson(uniqueName());
		int before = houseCount();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> mvc.perform(newHouse(body).header("Idempotency-Key", key)).andReturn().getResponse().getStatus());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : pool.invokeAll(calls)) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsOnly(201);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(houseCount()).isEqualTo(before + 1);
	}

	@Test
	void malformedIdempotencyKeyIsRefused() throws Exception {
		mvc.perform(newHouse(houseJson(uniqueName())).header("Idempotency-Key", "has spaces in it"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:malformed-request"));
	}

	@Test
	void rolesWithoutTheRightGet403Problems() throws Exception {
		mvc.perform(post("/api/v1/houses").with(signIns.as("staff")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(houseJson(uniqueName())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:forbidden"));
		mvc.perform(get("/api/v1/residents").with(signIns.as("resident01")))
			.andExpect(status().isForbidden());
	}

	@Test
	void missingCsrfTokenIsExplained() throws Exception {
		mvc.perform(post("/api/v1/houses").with(signIns.as("director"))
			.contentType(MediaType.APPLICATION_JSON).content(houseJson(uniqueName())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("X-XSRF-TOKEN")));
	}

	@Test
	void aListingLimitOutOfBoundsIsA400NamingLimitNotA500() throws Exception {
		mvc.perform(get("/api/v1/audit-events").param("limit", "0").with(signIns.as("director")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:validation"))
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		mvc.perform(get("/api/v1/audit-events").param("limit", "abc").with(signIns.as("director")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:malformed-request"))
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
	}

	@Test
	void aQueryStringWithBrokenPercentEncodingIsRefusedByParameterName() throws Exception {
		mvc.perform(get("/api/v1/houses").with(signIns.as("director")).with(request -> {
			request.setQueryString("cursor=%%%");
			request.addParameter("cursor", "%%%");
			return request;
		}))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:malformed-request"))
			.andExpect(jsonPath("$.errors[0].field").value("cursor"));
	}

	@Test
	void aBodyOfAnotherMediaTypeIsA415WithAStableType() throws Exception {
		mvc.perform(post("/api/v1/houses").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.TEXT_PLAIN).content("name=Oak"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:http-415"));
	}

	@Test
	void residentDataIsNeverCached() throws Exception {
		mvc.perform(get("/api/v1/residents").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$", hasSize(jdbc.sql("select count(*) from residents_stay where discharged_on is null")
				.query(Integer.class).single())));
	}

	private int houses() {
		return jdbc.sql("select count(*) from residents_house").query(Integer.class).single();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder newHouse(String json) {
		return post("/api/v1/houses").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder reviseHouse(String id, String ifMatch,
			String name) {
		var request = put("/api/v1/houses/" + id).with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\", \"kind\": \"MIXED\"}");
		return ifMatch == null ? request : request.header("If-Match", ifMatch);
	}

	private String createHouse(String name, String key) throws Exception {
		var request = newHouse(houseJson(name));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		String location = mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private static String houseJson(String name) {
		return "{\"name\": \"" + name + "\", \"kind\": \"MIXED\", \"beds\": 2}";
	}

	private static String uniqueName() {
		return "Test House " + UUID.randomUUID().toString().substring(0, 8);
	}

	private int houseCount() {
		return jdbc.sql("select count(*) from residents_house").query(Integer.class).single();
	}
}
