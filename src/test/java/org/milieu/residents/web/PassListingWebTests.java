package org.milieu.residents.web;

import org.milieu.platform.web.AuditedListing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.platform.web.PagedListing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every pass, out or back, listed a page at a time, within the reader's reach and audited row by row. */
@MilieuWebTest
class PassListingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResidentsPassesLatestSignOutFirstPageByPage() throws Exception {
		UUID resident = jdbc.sql("select resident_id from residents_pass group by resident_id order by count(*) desc, resident_id limit 1")
			.query(UUID.class).single();
		List<String> expected = jdbc.sql("select id::text from residents_pass where resident_id = ? order by left_at desc, id desc")
			.param(resident).query(String.class).list();
		assertThat(expected).isNotEmpty();
		assertThat(PagedListing.ids(mvc, signIns.as("director"), "/api/v1/pass-records?residentId=" + resident, 1))
			.isEqualTo(expected);
		List<String> all = jdbc.sql("select id::text from residents_pass order by left_at desc, id desc").query(String.class).list();
		assertThat(PagedListing.ids(mvc, signIns.as("director"), "/api/v1/pass-records", 7)).isEqualTo(all);
	}

	@Test
	void returnedPassesOnlyWhenAskedFor() throws Exception {
		String body = mvc.perform(get("/api/v1/pass-records?status=RETURNED&limit=200").with(signIns.as("director")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> statuses = JsonPath.read(body, "$.items[*].status");
		assertThat(statuses).isNotEmpty().allMatch("RETURNED"::equals);
		List<Object> returnedAt = JsonPath.read(body, "$.items[*].returnedAt");
		assertThat(returnedAt).doesNotContainNull();
	}

	@Test
	void staffSeeTheirHousesPassesOnlyAuditedOncePerResidentAndResidentsNone() throws Exception {
		UUID bayview = jdbc.sql("select id from residents_house where name = 'Bayview House'").query(UUID.class).single();
		long before = audited("staff", "READ");
		long mark = AuditedListing.mark(jdbc);
		String body = mvc.perform(get("/api/v1/pass-records?limit=5").with(signIns.as("staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> houses = JsonPath.read(body, "$.items[*].houseId");
		assertThat(houses).isNotEmpty().allMatch(bayview.toString()::equals);
		assertThat(audited("staff", "READ")).isEqualTo(before + JsonPath.<List<String>>read(body, "$.items[*].residentId").stream().distinct().count());
		AuditedListing.assertEveryItemNamed(jdbc, "staff", body, mark);
		long refusals = audited("resident01", "ACCESS_DENIED");
		mvc.perform(get("/api/v1/pass-records").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		assertThat(audited("resident01", "ACCESS_DENIED")).isEqualTo(refusals + 1);
		mvc.perform(get("/api/v1/pass-records").with(signIns.as("family"))).andExpect(status().isForbidden());
	}

	@Test
	void malformedFiltersAndCursorsAreRefusedNamingTheParameter() throws Exception {
		for (String bad : List.of("limit=0", "limit=201", "cursor=garbage!", "status=AWAY", "from=2026-13-01",
				"residentId=someone")) {
			mvc.perform(get("/api/v1/pass-records?" + bad).with(signIns.as("director")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(bad.substring(0, bad.indexOf('='))));
		}
	}

	private long audited(String username, String action) {
		return jdbc.sql("select count(*) from audit_record where username = ? and 'Pass' = any(resource_types) and action = ?")
			.params(username, action).query(Long.class).single();
	}
}
