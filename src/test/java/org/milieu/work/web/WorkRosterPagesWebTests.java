package org.milieu.work.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The work pages through MockMvc on the demo community: who may open each page, the director's
 * job form refusing an unpaid job on the page (field marked, nothing stored) and adding a paid
 * one, a resident's preferences form refusing a job above their level, and the Spanish texts.
 */
@MilieuWebTest
class WorkRosterPagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	private MockHttpServletRequestBuilder jobForm(String name, String rateCents) {
		return post("/work/jobs").with(signIns.as("director")).with(csrf()).param("name", name).param("minLevel", "1")
			.param("crewSize", "2").param("days", "1", "3").param("startsAt", "09:00").param("expectedMinutes", "45")
			.param("rateCents", rateCents).param("rateUnit", "PER_COMPLETION").param("currency", "USD")
			.param("supervisor", "staff").param("classification", "THERAPEUTIC_CHORE").param("beneficiary", "The house")
			.param("skills", "teamwork, cooking").param("active", "true");
	}

	private long stored(String name) {
		return jdbc.sql("select count(*) from work_job where name = ?").param(name).query(Long.class).single();
	}

	@Test
	void theDirectorAddsAJobOnTheCatalogueAndAnUnpaidOneIsRefusedOnThePage() throws Exception {
		String name = "Page job " + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(jobForm(name, "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The rate must be more than zero")))
			.andExpect(content().string(containsString("id=\"rateCents\" name=\"rateCents\" min=\"1\" value=\"0\" aria-invalid=\"true\"")));
		assertThat(stored(name)).isZero();
		mvc.perform(jobForm(name, "275")).andExpect(status().isFound()).andExpect(redirectedUrl("/work/jobs"));
		assertThat(jdbc.sql("select rate_cents from work_job where name = ?").param(name).query(Long.class).single())
			.isEqualTo(275L);
		mvc.perform(get("/work/jobs").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(not(containsString("id=\"job-form\""))));
		mvc.perform(jobForm(name + " by staff", "300").with(signIns.as("staff"))).andExpect(status().isForbidden());
		mvc.perform(get("/work/jobs").with(signIns.as("resident01"))).andExpect(status().isForbidden());
	}

	@Test
	void staffSeeTheRosterBoardAndResidentsTheirOwnWork() throws Exception {
		mvc.perform(get("/work/roster").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Work roster for the week of")))
			.andExpect(content().string(containsString("Published: residents see their jobs.")));
		mvc.perform(get("/work/roster").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(get("/me/work").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("My jobs this week")))
			.andExpect(content().string(containsString("Supervisor:")));
		mvc.perform(get("/me/work").with(signIns.as("resident01")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mis trabajos esta semana")));
		mvc.perform(get("/me/work").with(signIns.as("staff"))).andExpect(status().isForbidden());
	}

	@Test
	void aResidentCannotRankAJobAboveTheirLevelOnThePage() throws Exception {
		UUID resident = jdbc.sql("""
				select r.resident_id from identity_account r
				 where r.resident_id is not null and r.username like 'resident%'
				   and not exists (select 1 from levels_assignment l where l.resident_id = r.resident_id and l.level > 1)
				 order by r.username limit 1""").query(UUID.class).single();
		String login = jdbc.sql("select username from identity_account where resident_id = ?").param(resident)
			.query(String.class).single();
		UUID thrift = jdbc.sql("select id from work_job where name = 'Thrift shop'").query(UUID.class).single();
		String before = jdbc.sql("select coalesce(string_agg(job_id::text, ',' order by rank), '') from work_job_preference "
				+ "where resident_id = ?").param(resident).query(String.class).single();
		mvc.perform(post("/me/work/preferences").with(signIns.as(login)).with(csrf()).param("first", thrift.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thrift shop needs level 3")));
		assertThat(jdbc.sql("select coalesce(string_agg(job_id::text, ',' order by rank), '') from work_job_preference "
				+ "where resident_id = ?").param(resident).query(String.class).single()).isEqualTo(before);
	}
}
