package org.milieu.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.residents.Admissions;
import org.milieu.residents.Houses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Incentives over JSON: rules and catalogue, awards up to the yearly cap, redemptions, reversals. */
@MilieuWebTest
class IncentiveWebTests {

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
	Incentives incentives;

	@Autowired
	JdbcClient jdbc;

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String who, String body) {
		return request.with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	static String idOf(String json) {
		return json.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
	}

	@Test
	void theDirectorKeepsRulesAndCatalogueOfItemsAndVouchersNeverCash() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(json(post("/api/v1/incentive-rules"), "staff", "{\"name\": \"Rule " + unique + "\", \"points\": 5}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/incentive-rules"), "director", "{\"name\": \"Rule " + unique + "\", \"points\": 0}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("points"));
		mvc.perform(json(post("/api/v1/incentive-rules"), "director", "{\"name\": \"Rule " + unique + "\", \"points\": 5}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.points").value(5));
		mvc.perform(json(post("/api/v1/incentive-rules"), "director", "{\"name\": \"Rule " + unique + "\", \"points\": 5}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("name"));
		mvc.perform(json(post("/api/v1/incentive-items"), "director",
				"{\"name\": \"Cash " + unique + "\", \"kind\": \"CASH\", \"points\": 5}"))
			.andExpect(status().is4xxClientError());
		mvc.perform(json(post("/api/v1/incentive-items"), "director",
				"{\"name\": \"Voucher " + unique + "\", \"kind\": \"VOUCHER\", \"points\": 5}"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/incentive-rules").with(signIns.as("resident01"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.name == 'Rule " + unique + "')]").exists());
	}

	@Test
	void staffAwardRulesRedeemPointsAndTheYearlyCapHolds() throws Exception {
		LedgerHouse h = LedgerHouse.create(signIns, houses, admissions, accounts, care, 1);
		String unique = UUID.randomUUID().toString().substring(0, 8);
		// 7,000 points at 10 cents: 700 USD of the 750 USD cap
		UUID big = incentives.addRule(signIns.user("director"), "Big " + unique, null, 7_000).id();
		UUID small = incentives.addRule(signIns.user("director"), "Small " + unique, null, 400).id();
		UUID item = incentives.addItem(signIns.user("director"), "Kit " + unique, IncentiveItem.Kind.ITEM, 300).id();
		String path = "/api/v1/residents/" + h.first() + "/incentives";
		mvc.perform(json(post(path + "/redemptions"), h.staffName(), "{\"itemId\": \"" + item + "\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("itemId"));
		mvc.perform(json(post(path), h.staffName(), "{\"ruleId\": \"" + big + "\", \"note\": \"Thirty days clean\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.points").value(7_000))
			.andExpect(jsonPath("$.valueCents").value(70_000));
		String small1 = mvc.perform(json(post(path), h.staffName(), "{\"ruleId\": \"" + small + "\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		// 74,000 earned; 400 points more would be 78,000 cents
		mvc.perform(json(post(path), h.staffName(), "{\"ruleId\": \"" + small + "\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("ruleId"));
		mvc.perform(json(post(path), h.staffName(), "{\"ruleId\": \"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("ruleId"));
		mvc.perform(json(post(path + "/redemptions"), h.staffName(), "{\"itemId\": \"" + item + "\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.points").value(-300))
			.andExpect(jsonPath("$.balanceAfterPoints").value(7_100));
		// a reversed award frees its worth under the cap; a reversal is never reversed
		String reversal = mvc.perform(json(post("/api/v1/incentive-entries/" + idOf(small1) + "/reversal"), h.staffName(),
				"{\"reason\": \"Awarded to the wrong person\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.points").value(-400))
			.andReturn().getResponse().getContentAsString();
		mvc.perform(json(post("/api/v1/incentive-entries/" + idOf(reversal) + "/reversal"), h.staffName(),
				"{\"reason\": \"Undo\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(json(post(path), h.staffName(), "{\"ruleId\": \"" + small + "\"}")).andExpect(status().isCreated());
		mvc.perform(json(post(path), "staff", "{\"ruleId\": \"" + small + "\"}")).andExpect(status().isForbidden());
		mvc.perform(get(path).with(signIns.as(h.staffName()))).andExpect(status().isOk())
			.andExpect(jsonPath("$.balancePoints").value(7_100))
			.andExpect(jsonPath("$.yearEarnedCents").value(74_000))
			.andExpect(jsonPath("$.yearCapCents").value(75_000))
			.andExpect(jsonPath("$.entries[0].what").value("Small " + unique));
		assertThat(jdbc.sql("select sum(points) from work_incentive_entry where resident_id = ?").param(h.first())
			.query(Long.class).single()).isEqualTo(7_100);
	}
}
