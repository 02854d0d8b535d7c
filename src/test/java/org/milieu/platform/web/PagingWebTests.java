package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.shared.Keyset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The paging contract every listing shares: limit, cursor and their refusals. */
@MilieuWebTest
class PagingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLimitOutsideOneToTwoHundredOrNotANumberIsRefusedNamingLimit() throws Exception {
		for (String limit : List.of("0", "500", "-3", "many", "")) {
			mvc.perform(get("/api/v1/meetings?limit=" + limit).with(signIns.as("staff")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("urn:milieu:problem:malformed-request"))
				.andExpect(jsonPath("$.errors[0].field").value("limit"));
		}
	}

	@Test
	void aCursorThatWasAlteredOrComesFromAnotherListingIsRefusedNamingCursor() throws Exception {
		String made = Paging.encode("/api/v1/meetings", Keyset.of("2026-01-01T00:00:00Z",
				java.util.UUID.randomUUID()));
		String tampered = Paging.encode("/api/v1/meetings", Keyset.of("2027-01-01T00:00:00Z",
				java.util.UUID.randomUUID())).substring(0, 20) + made.substring(20);
		String ofAnotherListing = Paging.encode("/api/v1/resident-records", Keyset.of("Doe",
				java.util.UUID.randomUUID()));
		for (String cursor : List.of("garbage!", "bm90LWEtY3Vyc29y", tampered, ofAnotherListing)) {
			mvc.perform(get("/api/v1/meetings").param("cursor", cursor).with(signIns.as("staff")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("urn:milieu:problem:malformed-request"))
				.andExpect(jsonPath("$.errors[0].field").value("cursor"));
		}
		mvc.perform(get("/api/v1/meetings").param("cursor", made).with(signIns.as("staff"))).andExpect(status().isOk());
	}

	@Test
	void aMalformedDateOrStatusFilterIsRefusedNamingItAndReadsNothing() throws Exception {
		long audited = auditRows();
		mvc.perform(get("/api/v1/resident-records?admittedFrom=notadate").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("admittedFrom"));
		mvc.perform(get("/api/v1/resident-records?status=GONE").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(get("/api/v1/meetings?from=notadate").with(signIns.as("staff")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get("/api/v1/level-reviews?status=pending").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(get("/api/v1/job-assignments?residentId=42").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("residentId"));
		assertThat(auditRows()).isEqualTo(audited);
	}

	@Test
	void withoutALimitAPageHoldsFiftyRows() throws Exception {
		String body = mvc.perform(get("/api/v1/job-assignments").with(signIns.as("director")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long total = jdbc.sql("select count(*) from work_assignment").query(Long.class).single();
		List<Object> items = JsonPath.read(body, "$.items");
		assertThat(items).hasSize((int) Math.min(total, 50));
		if (total > 50) {
			assertThat((String) JsonPath.read(body, "$.next")).startsWith("/api/v1/job-assignments?cursor=");
		}
	}

	private long auditRows() {
		return jdbc.sql("select count(*) from audit_record where username = 'director' and action = 'READ'")
			.query(Long.class).single();
	}
}
