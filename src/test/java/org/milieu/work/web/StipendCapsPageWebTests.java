package org.milieu.work.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.work.StipendSettings;
import org.milieu.work.StipendSettingsStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The director sets the stipend caps on the stipends page; a wrong amount changes nothing; staff may not. */
@MilieuWebTest
class StipendCapsPageWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	StipendSettingsStore settings;

	@Test
	void theDirectorSetsTheCapsAndAWrongAmountChangesNothing() throws Exception {
		mvc.perform(get("/work/stipends").with(signIns.as("director"))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("id=\"caps\"")));
		mvc.perform(get("/work/stipends").with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"caps\""))));
		StipendSettings before = settings.of(signIns.user("director").programId());
		mvc.perform(post("/work/stipends/settings").with(signIns.as("director")).with(csrf()).param("currency", "USD")
			.param("weeklyCap", "a lot").param("payoutCap", "50.00").param("incentiveYearlyCap", "750.00")
			.param("pointValueCents", "10")).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", "stipend.settings.amount"));
		assertThat(settings.of(signIns.user("director").programId())).isEqualTo(before);
		mvc.perform(post("/work/stipends/settings").with(signIns.as("staff")).with(csrf()).param("currency", "USD")
			.param("weeklyCap", "120.00").param("payoutCap", "50.00").param("incentiveYearlyCap", "750.00")
			.param("pointValueCents", "10")).andExpect(status().isForbidden());
		try {
			mvc.perform(post("/work/stipends/settings").with(signIns.as("director")).with(csrf()).param("currency", "USD")
				.param("weeklyCap", "120.00").param("payoutCap", "50.00").param("incentiveYearlyCap", "750.00")
				.param("pointValueCents", "10")).andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("notice", "stipend.page.capsSaved"));
			assertThat(settings.of(signIns.user("director").programId()).weeklyCapCents()).isEqualTo(12_000);
		}
		finally {
			settings.update(signIns.user("director"), before);
		}
	}
}
