package org.milieu.work.web;

import org.milieu.platform.web.AuditedListing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MilieuWebTest
class RosterListingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rostersLatestWeekFirstPageByPage() throws Exception {
		List<String> expected = jdbc.sql("select id::text from work_roster order by week_start desc, id desc")
			.query(String.class).list();
		assertThat(expected).isNotEmpty();
		assertThat(PagedListing.ids(mvc, signIns.as("clinician"), "/api/v1/work-rosters", 1)).isEqualTo(expected);
	}

	@Test
	void assignmentsOfOneResidentAcrossWeeksWithoutDuplicatesOrGaps() throws Exception {
		UUID resident = jdbc.sql("select resident_id from work_assignment group by resident_id order by count(*) desc limit 1")
			.query(UUID.class).single();
		List<String> expected = jdbc.sql("""
				select a.id::text from work_assignment a join work_roster r on r.id = a.roster_id
				 where a.resident_id = ? order by r.week_start desc, a.id desc""").param(resident).query(String.class).list();
		List<String> paged = PagedListing.ids(mvc, signIns.as("director"), "/api/v1/job-assignments?residentId=" + resident, 1);
		assertThat(paged).isEqualTo(expected);
		assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
	}

	@Test
	void assignmentsOfSeveralRostersInOneWeekPageByPageInWeekThenIdOrder() throws Exception {
		propose("2001-01-01");
		propose("2001-01-01");
		propose("2001-01-08");
		assertThat(jdbc.sql("select count(*) from work_roster where week_start = date '2001-01-01'").query(Long.class)
			.single()).as("rosters of the first week, the superseded proposal kept").isEqualTo(2);
		List<String> expected = jdbc.sql("""
				select a.id::text from work_assignment a join work_roster r on r.id = a.roster_id
				 where r.week_start between date '2001-01-01' and date '2001-01-14' order by r.week_start desc, a.id desc""")
			.query(String.class).list();
		assertThat(expected.size()).as("more assignments than a page holds").isGreaterThan(3 * 7);
		List<String> paged = PagedListing.ids(mvc, signIns.as("director"),
				"/api/v1/job-assignments?from=2001-01-01&to=2001-01-14", 7);
		assertThat(paged).isEqualTo(expected);
		assertThat(PagedListing.ids(mvc, signIns.as("director"),
				"/api/v1/job-assignments?from=2001-01-01&to=2001-01-14&status=SUPERSEDED", 5))
			.isEqualTo(jdbc.sql("""
					select a.id::text from work_assignment a join work_roster r on r.id = a.roster_id
					 where r.week_start = date '2001-01-01' and r.status = 'SUPERSEDED' order by a.id desc""")
				.query(String.class).list());
	}

	@Test
	void staffSeeTheirHousesAssignmentsOnlyAuditedOncePerResidentAndResidentsNone() throws Exception {
		UUID bayview = jdbc.sql("select id from residents_house where name = 'Bayview House'").query(UUID.class).single();
		long before = audited();
		long mark = AuditedListing.mark(jdbc);
		String body = mvc.perform(get("/api/v1/job-assignments?limit=10").with(signIns.as("staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> houses = JsonPath.read(body, "$.items[*].houseId");
		assertThat(houses).isNotEmpty().allMatch(bayview.toString()::equals);
		assertThat(audited()).isEqualTo(before + JsonPath.<List<String>>read(body, "$.items[*].residentId").stream().distinct().count());
		AuditedListing.assertEveryItemNamed(jdbc, "staff", body, mark);
		mvc.perform(get("/api/v1/job-assignments").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/work-rosters").with(signIns.as("family"))).andExpect(status().isForbidden());
	}

	private void propose(String weekStart) throws Exception {
		mvc.perform(post("/api/v1/work-rosters").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"weekStart\": \"" + weekStart + "\"}"))
			.andExpect(status().isCreated());
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit_record where username = 'staff' and 'JobAssignment' = any(resource_types) "
				+ "and action = 'READ'").query(Long.class).single();
	}
}
