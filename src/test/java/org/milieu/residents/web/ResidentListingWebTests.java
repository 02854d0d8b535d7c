package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
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

@MilieuWebTest
class ResidentListingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDirectorPagesThroughEveryResidentByNameWithoutDuplicatesOrGaps() throws Exception {
		List<String> all = PagedListing.ids(mvc, signIns.as("director"), "/api/v1/resident-records?status=ALL", 7);
		assertThat(new HashSet<>(all)).hasSameSizeAs(all);
		assertThat(all).hasSize(jdbc.sql("select count(*) from residents_resident r where exists "
				+ "(select 1 from residents_stay s where s.resident_id = r.id)").query(Integer.class).single());
		List<String> inProgram = PagedListing.ids(mvc, signIns.as("director"), "/api/v1/resident-records", 7);
		List<String> discharged = PagedListing.ids(mvc, signIns.as("director"),
				"/api/v1/resident-records?status=DISCHARGED", 7);
		assertThat(discharged).isNotEmpty().doesNotContainAnyElementsOf(inProgram);
		assertThat(inProgram.size() + discharged.size()).isEqualTo(all.size());
		String body = mvc.perform(get("/api/v1/resident-records?status=ALL&limit=200").with(signIns.as("director")))
			.andReturn().getResponse().getContentAsString();
		List<String> names = JsonPath.read(body, "$.items[*].familyName");
		assertThat(names).isSortedAccordingTo(String::compareTo);
	}

	@Test
	void staffSeeOnlyTheirHouseAndEachRowShownIsAudited() throws Exception {
		UUID bayview = jdbc.sql("select id from residents_house where name = 'Bayview House'").query(UUID.class).single();
		long before = audited();
		String body = mvc.perform(get("/api/v1/resident-records?status=ALL&limit=5").with(signIns.as("staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> houses = JsonPath.read(body, "$.items[*].houseId");
		assertThat(houses).hasSize(5).allMatch(bayview.toString()::equals);
		assertThat(audited()).isEqualTo(before + 5);
	}

	@Test
	void residentsAndFamilyMayNotListResidents() throws Exception {
		mvc.perform(get("/api/v1/resident-records").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/resident-records").with(signIns.as("family"))).andExpect(status().isForbidden());
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit_record where username = 'staff' and 'ResidentList' = any(resource_types) "
				+ "and action = 'READ'").query(Long.class).single();
	}
}
