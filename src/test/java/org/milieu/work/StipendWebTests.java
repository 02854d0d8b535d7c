package org.milieu.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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

/** The stipend API: statements, bonuses and deductions, reversals, payout batches with their caps, and settings. */
@MilieuWebTest
class StipendWebTests {

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

	@Autowired
	StipendPayouts payouts;

	@Autowired
	JdbcClient jdbc;

	LedgerHouse house() {
		return LedgerHouse.create(signIns, houses, admissions, accounts, care, 3);
	}

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String who, String body) {
		return request.with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	long sum(UUID resident) {
		return jdbc.sql("select coalesce(sum(amount_cents), 0) from work_stipend_entry where resident_id = ?").param(resident)
			.query(Long.class).single();
	}

	long entries(UUID resident) {
		return jdbc.sql("select count(*) from work_stipend_entry where resident_id = ?").param(resident).query(Long.class)
			.single();
	}

	static String batch(String method, String lines) {
		return "{\"method\": \"" + method + "\", \"payouts\": [" + lines + "]}";
	}

	static String line(UUID resident, long cents) {
		return "{\"residentId\": \"" + resident + "\", \"amountCents\": " + cents + "}";
	}

	@Test
	void aResidentReadsTheirOwnStatementWhoseBalanceIsTheSumOfItsEntries() throws Exception {
		UUID own = signIns.user("resident01").residentId();
		ledger.bonus(signIns.user("director"), own, 25, "USD", "Statement test");
		long balance = sum(own);
		mvc.perform(get("/api/v1/residents/" + own + "/stipend?limit=5").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.balanceCents").value(balance))
			.andExpect(jsonPath("$.currency").value("USD"))
			.andExpect(jsonPath("$.entries[0].balanceAfterCents").value(balance))
			.andExpect(jsonPath("$.entries[0].kind").value("BONUS"));
		mvc.perform(get("/api/v1/residents/" + signIns.user("resident02").residentId() + "/stipend")
			.with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/residents/" + own + "/stipend?limit=0").with(signIns.as("resident01")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("limit"));
	}

	@Test
	void staffRecordBonusesAndOnlyAClinicianOrTheDirectorDeductsWithAReasonAndAConsequence() throws Exception {
		LedgerHouse h = house();
		String path = "/api/v1/residents/" + h.first() + "/stipend-entries";
		mvc.perform(json(post(path), h.staffName(), "{\"kind\": \"BONUS\", \"amountCents\": 900, \"reason\": \"Extra shift\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.amountCents").value(900))
			.andExpect(jsonPath("$.balanceAfterCents").value(900))
			.andExpect(jsonPath("$.currency").value("USD"));
		mvc.perform(json(post(path), h.staffName(),
				"{\"kind\": \"DEDUCTION\", \"amountCents\": 100, \"reason\": \"Damage\", \"consequenceRef\": \"c-1\"}"))
			.andExpect(status().isForbidden());
		String clinician = h.clinician().getUsername();
		mvc.perform(json(post(path), clinician, "{\"kind\": \"DEDUCTION\", \"amountCents\": 100, \"consequenceRef\": \"c-1\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(json(post(path), clinician, "{\"kind\": \"DEDUCTION\", \"amountCents\": 100, \"reason\": \"Damage\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("consequenceRef"));
		mvc.perform(json(post(path), clinician,
				"{\"kind\": \"DEDUCTION\", \"amountCents\": 901, \"reason\": \"Damage\", \"consequenceRef\": \"c-1\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amountCents"));
		mvc.perform(json(post(path), h.staffName(), "{\"kind\": \"EARNED\", \"amountCents\": 100, \"reason\": \"x\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(json(post(path), h.staffName(), "{\"kind\": \"BONUS\", \"amountCents\": 0, \"reason\": \"x\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("amountCents"));
		mvc.perform(json(post(path), clinician,
				"{\"kind\": \"DEDUCTION\", \"amountCents\": 300, \"reason\": \"Damage\", \"consequenceRef\": \"c-1\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.amountCents").value(-300))
			.andExpect(jsonPath("$.consequenceRef").value("c-1"));
		assertThat(sum(h.first())).isEqualTo(600);
		assertThat(entries(h.first())).isEqualTo(2);
	}

	@Test
	void aReversalOfAReversalOrASecondReversalIsRefused() throws Exception {
		LedgerHouse h = house();
		StipendEntry earned = ledger.earn(h.staff(), h.first(), 400, "USD", "COMPLETION", UUID.randomUUID(), null);
		String body = "{\"reason\": \"Verified by mistake\"}";
		String reversal = mvc.perform(json(post("/api/v1/stipend-entries/" + earned.id() + "/reversal"), h.staffName(), body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("REVERSAL"))
			.andExpect(jsonPath("$.amountCents").value(-400))
			.andExpect(jsonPath("$.reverses").value(earned.id().toString()))
			.andReturn().getResponse().getContentAsString();
		String reversalId = reversal.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		mvc.perform(json(post("/api/v1/stipend-entries/" + reversalId + "/reversal"), h.staffName(), body))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(json(post("/api/v1/stipend-entries/" + earned.id() + "/reversal"), h.staffName(), body))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(json(post("/api/v1/stipend-entries/" + UUID.randomUUID() + "/reversal"), h.staffName(), body))
			.andExpect(status().isNotFound());
		assertThat(sum(h.first())).isZero();
		assertThat(entries(h.first())).isEqualTo(2);
	}

	@Test
	void aBatchIsPaidWithAReceiptNumberAndEachLineIsAPayoutEntry() throws Exception {
		LedgerHouse h = house();
		ledger.earn(h.staff(), h.first(), 2_000, "USD", "COMPLETION", UUID.randomUUID(), null);
		ledger.earn(h.staff(), h.second(), 700, "USD", "COMPLETION", UUID.randomUUID(), null);
		long before = jdbc.sql("select coalesce(max(receipt_number), 0) from work_payout_batch").query(Long.class).single();
		String response = mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(),
				batch("CASH", line(h.first(), 1_500) + ", " + line(h.second(), 700))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.method").value("CASH"))
			.andExpect(jsonPath("$.receiptNumber").value(before + 1))
			.andExpect(jsonPath("$.totalCents").value(2_200))
			.andExpect(jsonPath("$.lines.length()").value(2))
			.andReturn().getResponse().getContentAsString();
		assertThat(sum(h.first())).isEqualTo(500);
		assertThat(sum(h.second())).isZero();
		String id = response.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
		mvc.perform(get("/api/v1/stipend-payouts/" + id).with(signIns.as(h.staffName())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].amountCents").value(1_500))
			.andExpect(jsonPath("$.paidBy").value(h.staffName()));
		mvc.perform(get("/api/v1/stipend-payouts").with(signIns.as(h.staffName())))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
	}

	@Test
	void aBatchWithOneBadLineIsRefusedWholeNamingTheLine() throws Exception {
		LedgerHouse h = house();
		ledger.earn(h.staff(), h.first(), 3_000, "USD", "COMPLETION", UUID.randomUUID(), null);
		ledger.earn(h.staff(), h.second(), 3_000, "USD", "COMPLETION", UUID.randomUUID(), null);
		long batches = jdbc.sql("select count(*) from work_payout_batch").query(Long.class).single();
		// more than the balance
		mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(),
				batch("CARD", line(h.first(), 100) + ", " + line(h.third(), 1))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("payouts[1].amountCents"));
		// zero and negative
		mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(), batch("CARD", line(h.first(), 100) + ", "
				+ line(h.second(), 0)))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("payouts[1].amountCents"));
		mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(), batch("CARD", line(h.first(), -5))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("payouts[0].amountCents"));
		// above the per-payout cap (50 USD by default)
		mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(), batch("CARD", line(h.first(), 5_001))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("payouts[0].amountCents"));
		// twice the same resident, no method, no lines
		mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(), batch("CARD", line(h.first(), 1) + ", "
				+ line(h.first(), 1)))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("payouts[1].residentId"));
		mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(), "{\"payouts\": [" + line(h.first(), 1) + "]}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("method"));
		mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(), batch("CASH", "")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("payouts"));
		// staff of another house
		mvc.perform(json(post("/api/v1/stipend-payouts"), "staff", batch("CASH", line(h.first(), 100))))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from work_payout_batch").query(Long.class).single()).isEqualTo(batches);
		assertThat(sum(h.first())).isEqualTo(3_000);
		assertThat(sum(h.second())).isEqualTo(3_000);
		// the weekly cap (100 USD by default): 50 + 50 pays, then one cent more is refused
		ledger.bonus(h.staff(), h.first(), 8_000, "USD", "Savings");
		mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(), batch("CASH", line(h.first(), 5_000))))
			.andExpect(status().isCreated());
		mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(), batch("CASH", line(h.first(), 5_000))))
			.andExpect(status().isCreated());
		mvc.perform(json(post("/api/v1/stipend-payouts"), h.staffName(), batch("CASH", line(h.first(), 1))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("payouts[0].amountCents"));
		assertThat(sum(h.first())).isEqualTo(1_000);
	}

	@Test
	void theDirectorChangesTheCapsAndNobodyElseDoes() throws Exception {
		String body = "{\"currency\": \"USD\", \"weeklyCapCents\": 12000, \"payoutCapCents\": 6000, "
				+ "\"incentiveYearlyCapCents\": 75000, \"pointValueCents\": 10}";
		mvc.perform(json(put("/api/v1/stipend-settings"), "staff", body)).andExpect(status().isForbidden());
		mvc.perform(json(put("/api/v1/stipend-settings"), "director",
				body.replace("\"payoutCapCents\": 6000", "\"payoutCapCents\": 0")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("payoutCapCents"));
		mvc.perform(json(put("/api/v1/stipend-settings"), "director",
				body.replace("\"payoutCapCents\": 6000", "\"payoutCapCents\": 13000")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("payoutCapCents"));
		try {
			mvc.perform(json(put("/api/v1/stipend-settings"), "director", body)).andExpect(status().isOk())
				.andExpect(jsonPath("$.weeklyCapCents").value(12000));
			mvc.perform(get("/api/v1/stipend-settings").with(signIns.as("staff"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.payoutCapCents").value(6000));
		}
		finally {
			mvc.perform(json(put("/api/v1/stipend-settings"), "director", "{\"currency\": \"USD\", \"weeklyCapCents\": 10000, "
					+ "\"payoutCapCents\": 5000, \"incentiveYearlyCapCents\": 75000, \"pointValueCents\": 10}"))
				.andExpect(status().isOk());
		}
	}
}
