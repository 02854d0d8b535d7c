package org.milieu.government.web;

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

/** Officer terms and house rules listed a page at a time, to the people who may read them on their pages. */
@MilieuWebTest
class OfficerAndRuleListingWebTests {

	private static final String TERMS = """
			select o.id::text from government_officer o join government_motion m on m.id = o.motion_id
			 where o.program_id = ? and m.overruled_at is null""";

	private static final String RULES = """
			select r.id::text from government_rule r
			 where r.program_id = ? and exists (select 1 from government_rule_version v
			       left join government_motion m on m.id = v.motion_id where v.rule_id = r.id and m.overruled_at is null)""";

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void officerTermsLatestStartFirstPageByPageEachTermShownAudited() throws Exception {
		List<String> expected = jdbc.sql(TERMS + " order by o.starts_on desc, o.id desc").param(program())
			.query(String.class).list();
		assertThat(expected).hasSizeGreaterThan(1);
		long before = reads("clinician");
		assertThat(PagedListing.ids(mvc, signIns.as("clinician"), "/api/v1/officer-terms", 1)).isEqualTo(expected);
		assertThat(reads("clinician")).as("each term shown is a read of that resident's government record")
			.isEqualTo(before + expected.size());
		List<String> chairs = jdbc.sql(TERMS + " and o.office = 'CHAIR' order by o.starts_on desc, o.id desc").param(program())
			.query(String.class).list();
		assertThat(PagedListing.ids(mvc, signIns.as("staff"), "/api/v1/officer-terms?office=CHAIR", 2)).isEqualTo(chairs);
	}

	@Test
	void aResidentSeesTheirHousesAndTheProgramsTermsAndRulesAndFamilyNone() throws Exception {
		UUID house = houseOf("resident01");
		List<String> terms = jdbc.sql(TERMS + " and (o.house_id is null or o.house_id = ?) order by o.starts_on desc, o.id desc")
			.params(program(), house).query(String.class).list();
		assertThat(PagedListing.ids(mvc, signIns.as("resident01"), "/api/v1/officer-terms", 3)).isEqualTo(terms);
		List<String> rules = jdbc.sql(RULES + " and (r.house_id is null or r.house_id = ?) order by r.title, r.id")
			.params(program(), house).query(String.class).list();
		assertThat(rules).isNotEmpty();
		assertThat(PagedListing.ids(mvc, signIns.as("resident01"), "/api/v1/house-rule-records", 1)).isEqualTo(rules);
		mvc.perform(get("/api/v1/officer-terms").with(signIns.as("family"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/house-rule-records").with(signIns.as("family"))).andExpect(status().isForbidden());
	}

	@Test
	void houseRulesByTitlePageByPageWithTheirTextInForceAndOfOneHouse() throws Exception {
		List<String> expected = jdbc.sql(RULES + " order by r.title, r.id").param(program()).query(String.class).list();
		assertThat(PagedListing.ids(mvc, signIns.as("director"), "/api/v1/house-rule-records", 2)).isEqualTo(expected);
		UUID house = houseOf("resident01");
		String body = mvc.perform(get("/api/v1/house-rule-records?houseId=" + house).with(signIns.as("staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> houses = JsonPath.read(body, "$.items[*].houseId");
		assertThat(houses).isNotEmpty().allMatch(house.toString()::equals);
		List<String> texts = JsonPath.read(body, "$.items[*].text");
		assertThat(texts).doesNotContainNull();
	}

	@Test
	void malformedFiltersAndCursorsAreRefusedNamingTheParameter() throws Exception {
		for (String listing : List.of("/api/v1/officer-terms", "/api/v1/house-rule-records")) {
			for (String bad : List.of("limit=0", "limit=201", "cursor=bm90LWEtY3Vyc29y", "from=soon", "houseId=bayview")) {
				mvc.perform(get(listing + "?" + bad).with(signIns.as("staff")))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value(bad.substring(0, bad.indexOf('='))));
			}
		}
		mvc.perform(get("/api/v1/officer-terms?office=TREASURER").with(signIns.as("staff")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("office"));
	}

	private UUID program() {
		return signIns.user("director").programId().value();
	}

	private UUID houseOf(String username) {
		return jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(signIns.user(username).residentId()).query(UUID.class).single();
	}

	private long reads(String username) {
		return jdbc.sql("select count(*) from audit_record where username = ? and 'Officer' = any(resource_types) and action = 'READ'")
			.param(username).query(Long.class).single();
	}
}
