package org.milieu.levels.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@MilieuWebTest
class LevelBoardWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theBoardShowsEveryLevelInTheReadersLanguage() throws Exception {
		mvc.perform(get("/levels").with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Level 1: Safety and orientation")))
			.andExpect(content().string(containsString("Level 4: Leadership")));
		mvc.perform(get("/levels").with(signIns.as("clinician")).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nivel 4: Liderazgo")));
	}

	@Test
	void aResidentSeesTheirOwnStayAndLevelAndTheLookIsAudited() throws Exception {
		// the look at their stay (the page's privileges block records a read of its own)
		long before = jdbc.sql("select count(*) from audit_record where username = 'resident01' and action = 'READ' "
				+ "and 'DEMOGRAPHICS' = any(categories)").query(Long.class).single();
		mvc.perform(get("/me").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your stay, Danny Okafor")))
			.andExpect(content().string(containsString("Bayview House")))
			.andExpect(content().string(containsString("Level 4: Leadership")));
		org.assertj.core.api.Assertions.assertThat(jdbc
			.sql("select count(*) from audit_record where username = 'resident01' and action = 'READ' "
					+ "and 'DEMOGRAPHICS' = any(categories)").query(Long.class)
			.single()).isEqualTo(before + 1);
		mvc.perform(get("/me").with(signIns.as("staff"))).andExpect(status().isForbidden());
	}

	@Test
	void familyMembersMayNotSeeTheBoard() throws Exception {
		mvc.perform(get("/levels").with(signIns.as("family"))).andExpect(status().isForbidden());
	}
}
