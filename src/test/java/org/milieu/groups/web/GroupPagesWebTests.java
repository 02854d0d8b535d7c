package org.milieu.groups.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.groups.GroupFixtures;
import org.milieu.groups.GroupRules;
import org.milieu.groups.GroupSettings;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The small groups page: a refused setting is a message naming the field and changes nothing; other houses' staff and residents are kept out. */
@MilieuWebTest
class GroupPagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	GroupFixtures fixtures;

	@Autowired
	GroupRules rules;

	@Test
	void aRefusedSettingIsAMessageNamingTheFieldAndChangesNothing() throws Exception {
		GroupFixtures.TestHouse house = fixtures.aHouseWithResidentsAtLevels(2, 3, 4);
		String page = "/houses/" + house.id() + "/groups";
		mvc.perform(get(page).with(signIns.as("director"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Small groups of Groups ")))
			.andExpect(content().string(containsString("No grouping has been approved yet.")));
		mvc.perform(post(page + "/settings").with(signIns.as("director")).with(csrf())
				.param("minSize", "6").param("maxSize", "99").param("structuredGroups", "1"))
			.andExpect(redirectedUrl(page + "#settings"))
			.andExpect(flash().attribute("problem", "groups.settings.maxSize.range"))
			.andExpect(flash().attribute("problemField", "maxSize"));
		org.assertj.core.api.Assertions.assertThat(rules.settings(signIns.user("director"), house.id())).extracting(GroupSettings::revision).isEqualTo(0);
		mvc.perform(post(page + "/proposals").with(signIns.as("director")).with(csrf()))
			.andExpect(redirectedUrl(page + "#proposal")).andExpect(flash().attribute("notice", "groups.proposed"));
		mvc.perform(get(page).with(signIns.as("director")).header("Accept-Language", "es")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Propuesta para la semana del")));
	}

	@Test
	void anotherHousesStaffAndResidentsAreKeptOut() throws Exception {
		GroupFixtures.TestHouse house = fixtures.aHouseWithResidentsAtLevels(2, 3);
		mvc.perform(get("/houses/" + house.id() + "/groups").with(signIns.as("staff"))).andExpect(status().isForbidden());
		mvc.perform(get("/houses/" + house.id() + "/groups").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(post("/houses/" + house.id() + "/groups/proposals").with(signIns.as("staff")).with(csrf()))
			.andExpect(status().isForbidden());
	}
}
