package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The security issue's acceptance, as a user of the API would check it. */
@MilieuWebTest
class ResidentAccessWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResidentMayNotListResidentsButSeesTheirOwnRecordOnly() throws Exception {
		UUID own = residentOf("resident01");
		mvc.perform(get("/api/v1/residents").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/residents/" + own).with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(own.toString()));
		mvc.perform(get("/api/v1/residents/" + residentOf("resident03")).with(signIns.as("resident01")))
			.andExpect(status().isForbidden());
	}

	@Test
	void staffSeeTheResidentsOfTheirHouseOnly() throws Exception {
		mvc.perform(get("/api/v1/residents/" + residentOf("resident01")).with(signIns.as("staff")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/residents/" + residentOf("resident02")).with(signIns.as("staff")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:forbidden"));
		mvc.perform(get("/api/v1/residents").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(16))
			.andExpect(jsonPath("$[*].house").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("Bayview House"))));
	}

	@Test
	void theListFiltersByHouseAndAuditsOnlyTheResidentsShown() throws Exception {
		UUID linden = jdbc.sql("select id from residents_house where name = 'Linden House'").query(UUID.class).single();
		long before = jdbc.sql("select count(*) from audit_record where username = 'clinician' and 'Census' = any(resource_types)")
			.query(Long.class).single();
		mvc.perform(get("/api/v1/residents?houseId=" + linden).with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(16))
			.andExpect(jsonPath("$[*].house").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("Linden House"))));
		long after = jdbc.sql("select count(*) from audit_record where username = 'clinician' and 'Census' = any(resource_types)")
			.query(Long.class).single();
		assertThat(after - before).as("one read audited per resident shown").isEqualTo(16);
		// staff of Bayview asking for Linden see nobody
		mvc.perform(get("/api/v1/residents?houseId=" + linden).with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/v1/residents?houseId=" + UUID.randomUUID()).with(signIns.as("director")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aClinicianReachesTheirCaseloadOutsideTheirHouses() throws Exception {
		mvc.perform(get("/api/v1/residents/" + residentOf("resident02")).with(signIns.as("clinician2")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/residents/" + residentOf("resident01")).with(signIns.as("clinician2")))
			.andExpect(status().isForbidden());
	}

	@Test
	void familyMembersSeeNothingBeforeConsentExists() throws Exception {
		mvc.perform(get("/api/v1/residents/" + residentOf("resident01")).with(signIns.as("family")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aReadByStaffIsInTheTrailForTheDirectorAndTheTrailStaysIntact() throws Exception {
		UUID resident = residentOf("resident05");
		mvc.perform(get("/api/v1/residents/" + resident).with(signIns.as("staff")).header("User-Agent", "ward-tablet"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/audit-events").param("residentId", resident.toString()).param("action", "READ")
			.with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
			.andExpect(jsonPath("$.items[0].username").value("staff"))
			.andExpect(jsonPath("$.items[0].role").value("STAFF"))
			.andExpect(jsonPath("$.items[0].categories[0]").value("DEMOGRAPHICS"))
			.andExpect(jsonPath("$.items[0].resources[0].type").value("Resident"))
			.andExpect(jsonPath("$.items[0].resources[0].id").value(resident.toString()))
			.andExpect(jsonPath("$.items[0].outcome").value("SUCCESS"))
			.andExpect(jsonPath("$.items[0].purpose").value("NORMAL"))
			.andExpect(jsonPath("$.items[0].userAgent").value("ward-tablet"))
			.andExpect(jsonPath("$.items[0].clientIp").isNotEmpty());
		mvc.perform(get("/api/v1/audit/verification").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.firstBrokenId").doesNotExist());
	}

	@Test
	void aRefusalIsAuditedEvenThoughTheRequestFailed() throws Exception {
		UUID resident = residentOf("resident04");
		long before = count("ACCESS_DENIED", resident);
		mvc.perform(get("/api/v1/residents/" + resident).with(signIns.as("staff"))).andExpect(status().isForbidden());
		assertThat(count("ACCESS_DENIED", resident)).isEqualTo(before + 1);
	}

	@Test
	void theCensusRecordsOneReadPerResidentShownInEachCategoryItShows() throws Exception {
		UUID bayview = residentOf("resident07");
		UUID linden = residentOf("resident08");
		long lindenBefore = count("READ", linden);
		List<String> categories = List.of("DEMOGRAPHICS", "LEVELS_AND_RATINGS", "DRUG_SCREENS");
		List<Long> before = categories.stream().map(c -> count("READ", bayview, c)).toList();
		mvc.perform(get("/residents").with(signIns.as("staff"))).andExpect(status().isOk());
		for (int i = 0; i < categories.size(); i++) {
			assertThat(count("READ", bayview, categories.get(i))).as(categories.get(i)).isEqualTo(before.get(i) + 1);
		}
		assertThat(count("READ", linden)).as("a Linden resident is not shown to Bayview staff").isEqualTo(lindenBefore);
	}

	@Test
	void theDirectorSeesOnlyTheirOwnProgramsTrail() throws Exception {
		UUID otherProgram = UUID.randomUUID();
		jdbc.sql("insert into platform_program (id, name) values (?, 'Another Community')").param(otherProgram).update();
		jdbc.sql("""
				select audit_append(array[?::text], array[null], array['elsewhere'], array[null], array[null], array[null],
				                    array[null], array[null], array['READ'], array['NORMAL'], array[null], array[null],
				                    array['SUCCESS'], array['another program'])""")
			.param(otherProgram.toString()).query(Integer.class).single();
		mvc.perform(get("/api/v1/audit-events").param("limit", "1000").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.username == 'elsewhere')]").isEmpty());
		mvc.perform(get("/audit").param("username", "elsewhere").with(signIns.as("director")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("No rows match these filters.")));
	}

	@Test
	void onlyTheDirectorReadsTheTrail() throws Exception {
		mvc.perform(get("/api/v1/audit-events").with(signIns.as("clinician"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit/verification").with(signIns.as("staff"))).andExpect(status().isForbidden());
	}

	@Test
	void residentPagesAreNeverCached() throws Exception {
		mvc.perform(get("/residents").with(signIns.as("director")))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
	}

	@Test
	void hstsIsSentOverTls() throws Exception {
		mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.containsString("max-age=")));
		mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	private long count(String action, UUID resident) {
		return jdbc.sql("select count(*) from audit_record where action = ? and resident_id = ?").params(action, resident)
			.query(Long.class).single();
	}

	private long count(String action, UUID resident, String category) {
		return jdbc.sql("select count(*) from audit_record where action = ? and resident_id = ? and ? = any(categories)")
			.params(action, resident, category).query(Long.class).single();
	}

	private UUID residentOf(String username) {
		return signIns.user(username).residentId();
	}
}
