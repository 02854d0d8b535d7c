package org.milieu.screening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.platform.web.PagedListing;
import org.milieu.residents.Admissions;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Recording drug screens and following them up, over the API and the pages. Each test admits its
 * own resident to a house of its own, with a staff member and a clinician working there, so the
 * shared database's other rows do not matter.
 */
@MilieuWebTest
class DrugScreenWebTests {

	private static final String FIVE_PANEL_NEGATIVE = """
			{"collectedAt": "2026-03-02T07:30:00-06:00", "specimen": "URINE", "panel": "FIVE_PANEL", "observed": true,
			 "chainOfCustodyId": "%s", "results": [
			   {"substance": "AMPHETAMINES", "result": "NEGATIVE"}, {"substance": "COCAINE", "result": "NEGATIVE"},
			   {"substance": "CANNABIS", "result": "%s"}, {"substance": "OPIATES", "result": "NEGATIVE"},
			   {"substance": "PCP", "result": "NEGATIVE"}]}""";

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
	JdbcClient jdbc;

	@Test
	void aNegativeScreenIsRecordedAuditedAndNeedsNoFollowUp() throws Exception {
		House house = house();
		String location = mvc.perform(record(house.staff(), house.resident(), screen(custody(), "NEGATIVE")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/residents/" + house.resident() + "/drug-screens/")))
			.andExpect(jsonPath("$.outcome").value("NEGATIVE"))
			.andExpect(jsonPath("$.results.length()").value(5))
			.andExpect(jsonPath("$.collectedBy").value("Screen Staff"))
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(get(location).with(signIns.as(house.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("NEGATIVE"));
		assertThat(count("screening_drug_screen", house.resident())).isEqualTo(1);
		assertThat(count("screening_follow_up", house.resident())).as("a negative screen needs no follow-up").isZero();
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'CREATE' and 'DRUG_SCREENS' = any(categories) and resident_id = ?
				   and username = ?""").params(house.resident(), house.staff()).query(Integer.class).single())
			.as("the recording is audited").isEqualTo(1);
	}

	@Test
	void aPositiveScreenOpensAFollowUpForTheHouseClinician() throws Exception {
		House house = house();
		mvc.perform(record(house.staff(), house.resident(), screen(custody(), "POSITIVE")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.outcome").value("POSITIVE"));
		assertThat(followUpClinicians(house.resident())).containsExactly(account(house.clinician()));
		mvc.perform(get("/api/v1/drug-screen-follow-ups").with(signIns.as(house.clinician())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].residentId").value(house.resident().toString()))
			.andExpect(jsonPath("$[0].positives[0]").value("CANNABIS"));
		mvc.perform(get("/").with(signIns.as(house.clinician())))
			.andExpect(content().string(containsString("1 drug-screen follow-up open")))
			.andExpect(content().string(containsString("/drug-screens/follow-ups")));
		mvc.perform(get("/api/v1/drug-screen-follow-ups").with(signIns.as("clinician2")))
			.andExpect(jsonPath("$[?(@.residentId == '" + house.resident() + "')]").isEmpty());
	}

	@Test
	void theCaseloadClinicianIsAskedBeforeTheHouseClinicians() throws Exception {
		House house = house();
		care.addToCaseload(account("clinician2"), house.resident());
		mvc.perform(record(house.staff(), house.resident(), screen(custody(), "POSITIVE"))).andExpect(status().isCreated());
		assertThat(followUpClinicians(house.resident())).containsExactly(account("clinician2"));
	}

	@Test
	void aRefusedScreenOpensAFollowUp() throws Exception {
		House house = house();
		mvc.perform(record(house.staff(), house.resident(), """
				{"collectedAt": "2026-03-02T07:30:00-06:00", "specimen": "URINE", "panel": "TEN_PANEL", "observed": false,
				 "refused": true, "note": "Declined twice."}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.outcome").value("REFUSED"))
			.andExpect(jsonPath("$.results.length()").value(0));
		assertThat(followUpClinicians(house.resident())).containsExactly(account(house.clinician()));
	}

	@Test
	void badScreensAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
		House house = house();
		String taken = custody();
		mvc.perform(record(house.staff(), house.resident(), screen(taken, "NEGATIVE"))).andExpect(status().isCreated());
		long screensBefore = count("screening_drug_screen", house.resident());
		long resultsBefore = jdbc.sql("select count(*) from screening_substance_result r join screening_drug_screen s on s.id = r.screen_id where s.resident_id = ?")
			.param(house.resident()).query(Long.class).single();
		long auditBefore = audit(house.resident());

		mvc.perform(record(house.staff(), house.resident(), screen(taken, "POSITIVE")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:rule-violation"))
			.andExpect(jsonPath("$.errors[0].field").value("chainOfCustodyId"))
			.andExpect(jsonPath("$.detail").value(containsString(taken)));
		mvc.perform(record(house.staff(), house.resident(), screen(custody(), "POSITIVE").replace("2026-03-02", "2999-03-02")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("collectedAt"));
		mvc.perform(record(house.staff(), house.resident(), screen(custody(), "POSITIVE").replace("\"PCP\"", "\"UNOBTAINIUM\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("results[4].substance"));
		mvc.perform(record(house.staff(), house.resident(), screen(custody(), "POSITIVE").replace("FIVE_PANEL", "TEN_PANEL")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("results"));
		mvc.perform(record(house.staff(), house.resident(), """
				{"collectedAt": "2026-03-02T07:30:00Z", "specimen": "URINE", "panel": "FIVE_PANEL", "observed": true, "results": []}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("results"));
		mvc.perform(record(house.staff(), house.resident(), screen(custody(), "NEGATIVE").replace("\"observed\": true,", "\"refused\": true, \"observed\": true,")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("results"));
		mvc.perform(record(house.staff(), house.resident(), screen(custody(), "NEGATIVE").replace("\"specimen\": \"URINE\", ", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("specimen"));
		mvc.perform(record(house.staff(), house.resident(), screen("has spaces!", "NEGATIVE")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("chainOfCustodyId"));

		assertThat(count("screening_drug_screen", house.resident())).isEqualTo(screensBefore);
		assertThat(jdbc.sql("select count(*) from screening_substance_result r join screening_drug_screen s on s.id = r.screen_id where s.resident_id = ?")
			.param(house.resident()).query(Long.class).single()).isEqualTo(resultsBefore);
		assertThat(count("screening_follow_up", house.resident())).isZero();
		assertThat(audit(house.resident())).as("a refused write leaves no audit row of its own").isEqualTo(auditBefore);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyRecordsTheScreenOnce() throws Exception {
		House house = house();
		String json = screen(custody(), "POSITIVE");
		String key = UUID.randomUUID().toString();
		String first = mvc.perform(record(house.staff(), house.resident(), json).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		mvc.perform(record(house.staff(), house.resident(), json).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(content().json(first));
		assertThat(count("screening_drug_screen", house.resident())).isEqualTo(1);
		assertThat(count("screening_follow_up", house.resident())).isEqualTo(1);
	}

	@Test
	void theDemoCliniciansEachHaveAnOpenFollowUp() throws Exception {
		mvc.perform(get("/api/v1/drug-screen-follow-ups").with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.residentName == 'Danny Okafor')].positives[0]").value("CANNABIS"));
		mvc.perform(get("/api/v1/drug-screen-follow-ups").with(signIns.as("clinician2")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.residentName == 'Bri Foster')].outcome").value("REFUSED"));
		mvc.perform(get("/").with(signIns.as("clinician")))
			.andExpect(content().string(containsString("drug-screen follow-up")));
	}

	@Test
	void aResidentReadsTheirOwnScreensButNoOneElses() throws Exception {
		UUID own = signIns.user("resident01").residentId();
		mvc.perform(get("/api/v1/residents/" + own + "/drug-screens").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].residentId").value(own.toString()));
		mvc.perform(get("/residents/" + own + "/drug-screens").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Drug screens: Danny Okafor")))
			.andExpect(content().string(not(containsString("id=\"record-screen\""))));
		UUID other = signIns.user("resident02").residentId();
		mvc.perform(get("/api/v1/residents/" + other + "/drug-screens").with(signIns.as("resident01")))
			.andExpect(status().isForbidden());
		mvc.perform(record("resident01", own, screen(custody(), "NEGATIVE"))).andExpect(status().isForbidden());
	}

	@Test
	void staffOfAnotherHouseAreRefusedAndTheRefusalIsAudited() throws Exception {
		House house = house();
		long denialsBefore = denials(house.resident());
		mvc.perform(record("staff", house.resident(), screen(custody(), "POSITIVE")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:forbidden"));
		mvc.perform(get("/api/v1/residents/" + house.resident() + "/drug-screens").with(signIns.as("staff")))
			.andExpect(status().isForbidden());
		assertThat(denials(house.resident())).isEqualTo(denialsBefore + 2);
		assertThat(count("screening_drug_screen", house.resident())).isZero();
	}

	@Test
	void theClinicianClosesTheirFollowUpWithANote() throws Exception {
		House house = house();
		mvc.perform(record(house.staff(), house.resident(), screen(custody(), "POSITIVE"))).andExpect(status().isCreated());
		UUID followUp = jdbc.sql("select id from screening_follow_up where resident_id = ?").param(house.resident())
			.query(UUID.class).single();

		mvc.perform(close("clinician2", followUp, "{\"note\": \"not mine\"}")).andExpect(status().isNotFound());
		mvc.perform(close(house.clinician(), followUp, "{\"note\": \"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		assertThat(followUpStatus(followUp)).isEqualTo("OPEN");

		mvc.perform(close(house.clinician(), followUp, "{\"note\": \"Met with the resident; plan revised.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"));
		assertThat(followUpStatus(followUp)).isEqualTo("DONE");
		assertThat(jdbc.sql("select closed_by || ': ' || close_note from screening_follow_up where id = ?").param(followUp)
			.query(String.class).single()).isEqualTo(house.clinician() + ": Met with the resident; plan revised.");
		mvc.perform(close(house.clinician(), followUp, "{\"note\": \"again\"}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/drug-screen-follow-ups").with(signIns.as(house.clinician())))
			.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/").with(signIns.as(house.clinician())))
			.andExpect(content().string(not(containsString("drug-screen follow-up"))));
	}

	@Test
	void theFormRecordsAScreenAndKeepsNothingOnError() throws Exception {
		House house = house();
		mvc.perform(get("/residents/" + house.resident() + "/drug-screens/new?panel=FIVE_PANEL").with(signIns.as(house.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"results[CANNABIS]\"")))
			.andExpect(content().string(not(containsString("name=\"results[FENTANYL]\""))));

		mvc.perform(form(house, "2026-03-02T07:30", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"results-error\"")))
			.andExpect(content().string(containsString("Nothing has been saved")));
		mvc.perform(form(house, "2999-03-02T07:30", "NEGATIVE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"collectedAt-error\"")))
			.andExpect(content().string(containsString("cannot be in the future")));
		assertThat(count("screening_drug_screen", house.resident())).isZero();

		mvc.perform(form(house, "2026-03-02T07:30", "POSITIVE"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/residents/" + house.resident() + "/drug-screens"));
		assertThat(jdbc.sql("select outcome from screening_drug_screen where resident_id = ?").param(house.resident())
			.query(String.class).single()).isEqualTo("POSITIVE");
		mvc.perform(get("/residents/" + house.resident() + "/drug-screens").with(signIns.as(house.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("outcome-badge positive")));
		mvc.perform(get("/drug-screens/follow-ups").with(signIns.as(house.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Screen Subject")));
		mvc.perform(get("/drug-screens/follow-ups").with(signIns.as(house.staff()))).andExpect(status().isForbidden());

		UUID followUp = jdbc.sql("select id from screening_follow_up where resident_id = ?").param(house.resident())
			.query(UUID.class).single();
		mvc.perform(post("/drug-screens/follow-ups/" + followUp + "/close").with(signIns.as(house.clinician())).with(csrf())
			.param("note", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"note-error-" + followUp + "\"")));
		assertThat(followUpStatus(followUp)).isEqualTo("OPEN");
		mvc.perform(post("/drug-screens/follow-ups/" + followUp + "/close").with(signIns.as(house.clinician())).with(csrf())
			.param("note", "Talked it through."))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/drug-screens/follow-ups"));
		assertThat(followUpStatus(followUp)).isEqualTo("DONE");
	}

	@Test
	void theClinicianPagesThroughTheirFollowUpsOpenAndDoneOldestScreenFirstEachResidentShownAudited() throws Exception {
		House house = house();
		for (int i = 0; i < 3; i++) {
			mvc.perform(record(house.staff(), house.resident(), screen(custody(), "POSITIVE"))).andExpect(status().isCreated());
		}
		List<String> expected = jdbc.sql("""
				select f.id::text from screening_follow_up f join screening_drug_screen s on s.id = f.screen_id
				 where f.resident_id = ? order by s.collected_at, f.id""").param(house.resident()).query(String.class).list();
		assertThat(expected).hasSize(3);
		mvc.perform(close(house.clinician(), UUID.fromString(expected.get(1)), "{\"note\": \"Talked it through.\"}"))
			.andExpect(status().isOk());
		long before = listedReads(house);
		assertThat(PagedListing.ids(mvc, signIns.as(house.clinician()), "/api/v1/drug-screen-follow-up-records", 1))
			.isEqualTo(expected);
		assertThat(listedReads(house)).as("one audited read per page that named the resident").isEqualTo(before + 3);
		mvc.perform(get("/api/v1/drug-screen-follow-up-records?status=DONE").with(signIns.as(house.clinician())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(expected.get(1)))
			.andExpect(jsonPath("$.items[0].closedBy").value(house.clinician()))
			.andExpect(jsonPath("$.items[0].positives[0]").value("CANNABIS"))
			.andExpect(jsonPath("$.next").value(org.hamcrest.Matchers.nullValue()));
		assertThat(PagedListing.ids(mvc, signIns.as("clinician2"), "/api/v1/drug-screen-follow-up-records?residentId="
				+ house.resident(), 50)).as("another clinician's items are not theirs").isEmpty();
		for (String bad : List.of("limit=0", "limit=201", "cursor=notacursor", "status=LOST", "from=yesterday")) {
			String parameter = bad.substring(0, bad.indexOf('='));
			mvc.perform(get("/api/v1/drug-screen-follow-up-records?" + bad).with(signIns.as(house.clinician())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(parameter));
		}
		mvc.perform(get("/api/v1/drug-screen-follow-up-records").with(signIns.as(house.staff())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/drug-screen-follow-up-records").with(signIns.as("resident01")))
			.andExpect(status().isForbidden());
	}

	private long listedReads(House house) {
		return jdbc.sql("""
				select count(*) from audit_record where resident_id = ? and 'DRUG_SCREENS' = any(categories) and action = 'READ'
				   and 'DrugScreenFollowUps' = any(resource_types) and username = ?""")
			.params(house.resident(), house.clinician()).query(Long.class).single();
	}

	record House(UUID id, UUID resident, String staff, String clinician) {
	}

	/** A house of its own with one resident, a staff member and a clinician working there. */
	private House house() {
		ProgramId program = signIns.user("director").programId();
		String unique = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program, new HouseDetails("Screening " + unique, HouseKind.MIXED, null), 1).id();
		UUID resident = UUID.randomUUID();
		admissions.admit(program, resident, new NewAdmission("Screen", "Subject", null, LocalDate.of(1988, 4, 4),
				houses.beds(program, house).get(0).id(), LocalDate.of(2026, 1, 5)));
		String staff = "scr-staff-" + unique;
		String clinician = "scr-clin-" + unique;
		care.assignHouses(accounts.open(new NewAccount(program, staff, "Screen Staff", null, Set.of(Role.STAFF), null)).id(),
				List.of(house));
		care.assignHouses(accounts.open(new NewAccount(program, clinician, "Screen Clinician", null, Set.of(Role.CLINICIAN),
				null)).id(), List.of(house));
		return new House(house, resident, staff, clinician);
	}

	private static String custody() {
		return "T-" + UUID.randomUUID().toString().substring(0, 13);
	}

	private static String screen(String custody, String cannabis) {
		return FIVE_PANEL_NEGATIVE.formatted(custody, cannabis);
	}

	private MockHttpServletRequestBuilder record(String who, UUID resident, String json) {
		return post("/api/v1/residents/" + resident + "/drug-screens").with(signIns.as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private MockHttpServletRequestBuilder close(String who, UUID followUp, String json) {
		return post("/api/v1/drug-screen-follow-ups/" + followUp + "/close").with(signIns.as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private MockHttpServletRequestBuilder form(House house, String collectedAt, String cannabis) {
		return post("/residents/" + house.resident() + "/drug-screens").with(signIns.as(house.staff())).with(csrf())
			.param("panel", "FIVE_PANEL").param("collectedAt", collectedAt).param("specimen", "URINE")
			.param("observed", "true").param("collectedBy", "Screen Staff")
			.param("results[AMPHETAMINES]", "NEGATIVE").param("results[COCAINE]", "NEGATIVE")
			.param("results[CANNABIS]", cannabis).param("results[OPIATES]", "NEGATIVE").param("results[PCP]", "NEGATIVE");
	}

	private long count(String table, UUID resident) {
		return jdbc.sql("select count(*) from " + table + " where resident_id = ?").param(resident).query(Long.class).single();
	}

	private long audit(UUID resident) {
		return jdbc.sql("select count(*) from audit_record where resident_id = ? and 'DRUG_SCREENS' = any(categories)")
			.param(resident).query(Long.class).single();
	}

	private long denials(UUID resident) {
		return jdbc.sql("""
				select count(*) from audit_record where resident_id = ? and 'DRUG_SCREENS' = any(categories)
				   and action = 'ACCESS_DENIED' and username = 'staff'""")
			.param(resident).query(Long.class).single();
	}

	private List<UUID> followUpClinicians(UUID resident) {
		return jdbc.sql("select clinician_account_id from screening_follow_up where resident_id = ?").param(resident)
			.query(UUID.class).list();
	}

	private String followUpStatus(UUID followUp) {
		return jdbc.sql("select status from screening_follow_up where id = ?").param(followUp).query(String.class).single();
	}

	private UUID account(String username) {
		return accounts.findByUsername(username).orElseThrow().id();
	}
}
