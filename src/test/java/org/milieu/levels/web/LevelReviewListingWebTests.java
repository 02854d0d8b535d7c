package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.platform.web.PagedListing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MilieuWebTest
class LevelReviewListingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyReviewOfTheResidentsInTheProgramNewestFirstPageByPage() throws Exception {
		List<String> one = PagedListing.ids(mvc, signIns.as("director"), "/api/v1/level-reviews?status=all", 200);
		List<String> paged = PagedListing.ids(mvc, signIns.as("director"), "/api/v1/level-reviews?status=all", 2);
		assertThat(one).isNotEmpty();
		assertThat(paged).isEqualTo(one);
		assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
		String body = mvc.perform(get("/api/v1/level-reviews?status=decided&limit=200").with(signIns.as("director")))
			.andReturn().getResponse().getContentAsString();
		List<String> statuses = JsonPath.read(body, "$.items[*].status");
		assertThat(statuses).allMatch("decided"::equals);
	}

	@Test
	void staffSeeTheirHousesReviewsAndResidentsNone() throws Exception {
		String body = mvc.perform(get("/api/v1/level-reviews?status=all&limit=200").with(signIns.as("staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> residents = JsonPath.read(body, "$.items[*].residentId");
		List<String> ofLinden = jdbc.sql("""
				select s.resident_id::text from residents_stay s join residents_house h on h.id = s.house_id
				 where h.name = 'Linden House' and s.discharged_on is null""").query(String.class).list();
		assertThat(residents).doesNotContainAnyElementsOf(ofLinden);
		mvc.perform(get("/api/v1/level-reviews").with(signIns.as("resident01"))).andExpect(status().isForbidden());
	}
}
