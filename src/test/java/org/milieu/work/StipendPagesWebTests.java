package org.milieu.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.residents.Admissions;
import org.milieu.residents.Houses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The stipend and incentive pages: who may open them, the payout form, reversals, and the Spanish texts. */
@MilieuWebTest
class StipendPagesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	Accounts accounts;

	@Autowired
	CareRelationships care;

	@Autowired
	StipendLedger ledger;

	@Test
	void residentsReadTheirOwnPageAndStaffTheirs() throws Exception {
		mvc.perform(get("/me/stipend").with(signIns.as("resident01"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"stipend-balance\"")));
		mvc.perform(get("/me/stipend").with(signIns.as("resident01")).locale(Locale.forLanguageTag("es")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Mi estipendio")));
		mvc.perform(get("/work/stipends").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(get("/work/stipends").with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"payout-form\"")));
		mvc.perform(get("/work/incentives").with(signIns.as("staff"))).andExpect(status().isOk());
		mvc.perform(get("/residents/" + signIns.user("resident02").residentId() + "/stipend").with(signIns.as("staff")))
			.andExpect(status().isForbidden());
	}

	@Test
	void thePayoutFormPaysABatchOrRefusesItWhole() throws Exception {
		LedgerHouse h = LedgerHouse.create(signIns, houses, admissions, accounts, care, 2);
		ledger.earn(h.staff(), h.first(), 1_000, "USD", "COMPLETION", UUID.randomUUID(), null);
		mvc.perform(post("/work/stipends/payouts").with(signIns.as(h.staffName())).with(csrf()).param("method", "CASH")
			.param("residentId", h.first().toString(), h.second().toString()).param("amount", "4.50", "1"))
			.andExpect(redirectedUrl("/work/stipends"))
			.andExpect(flash().attribute("problem", "stipend.balance.short"))
			.andExpect(flash().attribute("problemResident", h.second()));
		assertThat(ledger.balanceOf(h.first())).isEqualTo(1_000);
		mvc.perform(post("/work/stipends/payouts").with(signIns.as(h.staffName())).with(csrf()).param("method", "CASH")
			.param("residentId", h.first().toString(), h.second().toString()).param("amount", "4.50", ""))
			.andExpect(redirectedUrlPattern("/work/stipends/receipts/*"));
		assertThat(ledger.balanceOf(h.first())).isEqualTo(550);
		StipendEntry bonus = ledger.bonus(h.staff(), h.first(), 100, "USD", "Helped");
		mvc.perform(post("/residents/" + h.first() + "/stipend/reversals").with(signIns.as(h.staffName())).with(csrf())
			.param("entryId", bonus.id().toString()).param("reason", ""))
			.andExpect(flash().attribute("problem", "stipend.text.required"));
		mvc.perform(post("/residents/" + h.first() + "/stipend/reversals").with(signIns.as(h.staffName())).with(csrf())
			.param("entryId", bonus.id().toString()).param("reason", "Twice"))
			.andExpect(flash().attribute("notice", "stipend.page.reversed"));
		mvc.perform(get("/residents/" + h.first() + "/stipend").with(signIns.as(h.staffName()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("$5.50")));
	}
}
