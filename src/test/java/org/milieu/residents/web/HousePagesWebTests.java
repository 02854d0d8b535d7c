package org.milieu.residents.web;

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

@MilieuWebTest
class HousePagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDirectorSeesTodaysWholeCensusByHouse() throws Exception {
		mvc.perform(get("/residents").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bayview House")))
			.andExpect(content().string(containsString("Linden House")))
			.andExpect(content().string(containsString("Residents you can see today: " + openStays())));
	}

	@Test
	void staffSeeTheCensusOfTheHouseTheyWorkIn() throws Exception {
		mvc.perform(get("/residents").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bayview House")))
			.andExpect(content().string(not(containsString("Linden House"))))
			.andExpect(content().string(containsString("Residents you can see today: 16")));
	}

	private int openStays() {
		return jdbc.sql("select count(*) from residents_stay where discharged_on is null").query(Integer.class).single();
	}

	@Test
	void aResidentMayNotOpenTheCensus() throws Exception {
		mvc.perform(get("/residents").with(signIns.as("resident01"))).andExpect(status().isForbidden());
	}

	@Test
	void theDirectorFoundsAHouseAndSeesItListed() throws Exception {
		String name = "Maple " + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/houses").with(signIns.as("director")).with(csrf())
			.param("name", name).param("kind", "WOMEN").param("address", "1 Maple Way").param("beds", "4"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/houses"));
		mvc.perform(get("/houses").with(signIns.as("director")))
			.andExpect(content().string(containsString(name)));
		assertThat(jdbc.sql("select count(*) from residents_bed b join residents_house h on h.id = b.house_id where h.name = ?")
			.param(name).query(Integer.class).single()).isEqualTo(4);
	}

	@Test
	void badInputIsExplainedOnTheFormAndSavesNothing() throws Exception {
		int before = jdbc.sql("select count(*) from residents_house").query(Integer.class).single();
		mvc.perform(post("/houses").with(signIns.as("director")).with(csrf())
			.param("name", "").param("kind", "MEN").param("beds", "900"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please correct the marked fields.")))
			.andExpect(content().string(containsString("must not be blank")))
			.andExpect(content().string(containsString("must be at most 200")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		mvc.perform(post("/houses").with(signIns.as("director")).with(csrf())
			.param("name", "bayview house").param("kind", "MEN").param("beds", "2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A house named bayview house already exists")));
		assertThat(jdbc.sql("select count(*) from residents_house").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void aStaleEditKeepsTheOtherPersonsChangeAndSaysSo() throws Exception {
		String name = "Birch " + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/houses").with(signIns.as("director")).with(csrf())
			.param("name", name).param("kind", "MEN").param("beds", "2")).andExpect(status().isFound());
		UUID id = jdbc.sql("select id from residents_house where name = ?").param(name).query(UUID.class).single();
		mvc.perform(post("/houses/" + id).with(signIns.as("director")).with(csrf())
			.param("name", name + " North").param("kind", "MEN").param("version", "0")).andExpect(status().isFound());
		mvc.perform(post("/houses/" + id).with(signIns.as("director")).with(csrf())
			.param("name", name + " South").param("kind", "MEN").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this house")))
			.andExpect(content().string(containsString(name + " North")));
		assertThat(jdbc.sql("select name from residents_house where id = ?").param(id).query(String.class).single())
			.isEqualTo(name + " North");
	}

	@Test
	void onlyTheDirectorMayEditHouses() throws Exception {
		mvc.perform(get("/houses/new").with(signIns.as("clinician"))).andExpect(status().isForbidden());
		mvc.perform(get("/houses").with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/houses/new"))));
	}

	@Test
	void anUnknownHouseIsA404Page() throws Exception {
		mvc.perform(get("/houses/" + UUID.randomUUID() + "/edit").with(signIns.as("director")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page not found")));
	}
}
