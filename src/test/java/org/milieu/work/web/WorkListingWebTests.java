package org.milieu.work.web;

import org.milieu.platform.web.AuditedListing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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

/** Job completions and payout batches listed a page at a time, as the verification and stipend pages show them. */
@MilieuWebTest
class WorkListingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void completionsOfOneResidentLatestOccurrenceFirstPageByPageWithoutDuplicatesOrGaps() throws Exception {
		UUID resident = jdbc.sql("""
				select a.resident_id from work_completion c join work_assignment a on a.id = c.assignment_id
				 group by a.resident_id order by count(*) desc, a.resident_id limit 1""").query(UUID.class).single();
		List<String> expected = jdbc.sql("""
				select c.id::text from work_completion c join work_assignment a on a.id = c.assignment_id
				 where a.resident_id = ? order by c.occurs_on desc, c.id desc""").param(resident).query(String.class).list();
		assertThat(expected).hasSizeGreaterThan(1);
		List<String> paged = PagedListing.ids(mvc, signIns.as("director"), "/api/v1/job-completion-records?residentId="
				+ resident, 2);
		assertThat(paged).isEqualTo(expected);
		assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
	}

	@Test
	void completionsFilteredByVerificationAndDays() throws Exception {
		String body = mvc.perform(get("/api/v1/job-completion-records?status=VERIFIED&limit=200").with(signIns.as("director")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Object> verifiedAt = JsonPath.read(body, "$.items[*].verifiedAt");
		assertThat(verifiedAt).isNotEmpty().doesNotContainNull();
		String day = JsonPath.read(body, "$.items[0].occursOn");
		List<String> days = JsonPath.read(mvc.perform(get("/api/v1/job-completion-records?from=" + day + "&to=" + day)
			.with(signIns.as("director"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				"$.items[*].occursOn");
		assertThat(days).isNotEmpty().allMatch(day::equals);
	}

	@Test
	void staffSeeTheirHousesCompletionsOnlyAuditedOncePerResidentAndResidentsAndFamilyNone() throws Exception {
		UUID bayview = jdbc.sql("select id from residents_house where name = 'Bayview House'").query(UUID.class).single();
		long before = audited("staff", "READ");
		long mark = AuditedListing.mark(jdbc);
		String body = mvc.perform(get("/api/v1/job-completion-records?limit=10").with(signIns.as("staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> ids = JsonPath.read(body, "$.items[*].id");
		assertThat(ids).isNotEmpty();
		for (String id : ids) {
			assertThat(jdbc.sql("select a.house_id from work_completion c join work_assignment a on a.id = c.assignment_id "
					+ "where c.id = ?::uuid").param(id).query(UUID.class).single()).isEqualTo(bayview);
		}
		assertThat(audited("staff", "READ")).isEqualTo(before + JsonPath.<List<String>>read(body, "$.items[*].residentId").stream().distinct().count());
		AuditedListing.assertEveryItemNamed(jdbc, "staff", body, mark);
		long refusals = audited("resident01", "ACCESS_DENIED");
		mvc.perform(get("/api/v1/job-completion-records").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		assertThat(audited("resident01", "ACCESS_DENIED")).as("the refusal is audited").isEqualTo(refusals + 1);
		mvc.perform(get("/api/v1/job-completion-records").with(signIns.as("family"))).andExpect(status().isForbidden());
	}

	@Test
	void payoutBatchesLatestPaidFirstPageByPageAndByMethod() throws Exception {
		List<String> expected = jdbc.sql("select id::text from work_payout_batch order by paid_at desc, id desc")
			.query(String.class).list();
		assertThat(expected).isNotEmpty();
		assertThat(PagedListing.ids(mvc, signIns.as("staff"), "/api/v1/stipend-payout-records", 1)).isEqualTo(expected);
		String method = jdbc.sql("select method from work_payout_batch order by paid_at desc, id desc limit 1")
			.query(String.class).single();
		List<String> ofMethod = jdbc.sql("select id::text from work_payout_batch where method = ? order by paid_at desc, id desc")
			.param(method).query(String.class).list();
		assertThat(PagedListing.ids(mvc, signIns.as("clinician"), "/api/v1/stipend-payout-records?method=" + method, 50))
			.isEqualTo(ofMethod);
		mvc.perform(get("/api/v1/stipend-payout-records").with(signIns.as("resident01"))).andExpect(status().isForbidden());
	}

	@Test
	void malformedFiltersAndCursorsAreRefusedNamingTheParameter() throws Exception {
		for (String listing : List.of("/api/v1/job-completion-records", "/api/v1/stipend-payout-records")) {
			for (String bad : List.of("limit=0", "limit=500", "limit=many", "cursor=bm90LWEtY3Vyc29y", "from=notadate")) {
				mvc.perform(get(listing + "?" + bad).with(signIns.as("director")))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value(bad.substring(0, bad.indexOf('='))));
			}
		}
		mvc.perform(get("/api/v1/job-completion-records?status=DONE").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(get("/api/v1/stipend-payout-records?method=GOLD").with(signIns.as("director")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("method"));
	}

	private long audited(String username, String action) {
		return jdbc.sql("select count(*) from audit_record where username = ? and 'JobCompletion' = any(resource_types) "
				+ "and action = ?").params(username, action).query(Long.class).single();
	}
}
