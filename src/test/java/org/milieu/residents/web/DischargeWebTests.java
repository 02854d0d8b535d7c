package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.Admissions;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MilieuWebTest
class DischargeWebTests {

	@Autowired
	ResidentLevels levels;

	@Autowired
	MockMvc mvc;

	@Autowired
	java.time.Clock clock;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCompletedProgramFreesTheBedKeepsTheRecordAndTheAftercarePlan() throws Exception {
		Admitted resident = admitted();
		mvc.perform(discharge(resident.id(), """
				{"dischargedOn": "2026-03-01", "type": "COMPLETED", "reason": "Completed all four levels",
				 "aftercare": {"livingArrangement": "Sober living, Elm Street", "supportMeetings": "Tuesday evening group"}}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("COMPLETED"));
		assertThat(jdbc.sql("select discharge_type || ':' || discharged_on from residents_stay where resident_id = ?")
			.param(resident.id()).query(String.class).single()).isEqualTo("COMPLETED:2026-03-01");
		assertThat(jdbc.sql("select living_arrangement from residents_aftercare_plan a join residents_stay s on s.id = a.stay_id where s.resident_id = ?")
			.param(resident.id()).query(String.class).single()).isEqualTo("Sober living, Elm Street");
		assertThat(houses.beds(signIns.user("director").programId(), resident.house()).get(0).taken()).isFalse();
		assertThat(jdbc.sql("select count(*) from residents_resident where id = ?").param(resident.id()).query(Integer.class)
			.single()).as("the record stays").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'UPDATE' and resident_id = ? and username = 'director'")
			.param(resident.id()).query(Integer.class).single()).as("the discharge is audited").isEqualTo(1);
	}

	@Test
	void badDischargesAreRefusedAndChangeNothing() throws Exception {
		Admitted resident = admitted();
		mvc.perform(discharge(resident.id(), "{\"dischargedOn\": \"2025-12-31\", \"type\": \"COMPLETED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dischargedOn"))
			.andExpect(jsonPath("$.detail").value(containsString("2026-01-05")));
		mvc.perform(discharge(resident.id(), "{\"dischargedOn\": \"2999-01-01\", \"type\": \"COMPLETED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dischargedOn"));
		mvc.perform(discharge(resident.id(), "{\"dischargedOn\": \"2026-02-01\", \"type\": \"VANISHED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
		assertThat(open(resident.id())).isTrue();

		mvc.perform(discharge(resident.id(), "{\"dischargedOn\": \"2026-02-01\", \"type\": \"AGAINST_ADVICE\"}"))
			.andExpect(status().isOk());
		mvc.perform(discharge(resident.id(), "{\"dischargedOn\": \"2026-02-02\", \"type\": \"COMPLETED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("already discharged")));
		assertThat(jdbc.sql("select discharge_type from residents_stay where resident_id = ?").param(resident.id())
			.query(String.class).single()).isEqualTo("AGAINST_ADVICE");
		mvc.perform(discharge(UUID.randomUUID(), "{\"dischargedOn\": \"2026-02-02\", \"type\": \"COMPLETED\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyTheDirectorDischarges() throws Exception {
		Admitted resident = admitted();
		mvc.perform(post("/api/v1/residents/" + resident.id() + "/discharge").with(signIns.as("clinician")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"dischargedOn\": \"2026-02-01\", \"type\": \"COMPLETED\"}"))
			.andExpect(status().isForbidden());
		assertThat(open(resident.id())).isTrue();
	}

	@Test
	void aResidentDischargedWhileOutOnAPassHasThePassClosedWithTheStay() throws Exception {
		Admitted resident = admitted();
		mvc.perform(post("/api/v1/residents/" + resident.id() + "/passes").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"destination\": \"Family visit\", \"purpose\": \"Weekend with family\", \"expectedBackAt\": \""
					+ clock.instant().plusSeconds(3600) + "\", \"pastCurfew\": true}"))
			.andExpect(status().isCreated());
		mvc.perform(discharge(resident.id(), "{\"dischargedOn\": \"2026-02-01\", \"type\": \"AGAINST_ADVICE\"}"))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from residents_pass where resident_id = ? and returned_at is null")
			.param(resident.id()).query(Integer.class).single()).as("no pass left open").isZero();
		assertThat(jdbc.sql("select returned_recorded_by || ':' || return_note from residents_pass where resident_id = ?")
			.param(resident.id()).query(String.class).single()).isEqualTo("director:closed by the discharge");
	}

	record Admitted(UUID id, UUID house) {
	}

	private Admitted admitted() {
		var program = signIns.user("director").programId();
		UUID house = houses.found(program,
				new HouseDetails("Leaving " + UUID.randomUUID().toString().substring(0, 8), HouseKind.MIXED, null), 1).id();
		UUID id = UUID.randomUUID();
		admissions.admit(program, id, new NewAdmission("Kim", "Leaving", null, LocalDate.of(1980, 1, 1),
				houses.beds(program, house).get(0).id(), LocalDate.of(2026, 1, 5)));
		// at level 2, so that a pass is among their privileges
		levels.assign(program, id, Level.STABILISATION, LocalDate.of(2026, 1, 6), "director", "Stable");
		return new Admitted(id, house);
	}

	private boolean open(UUID resident) {
		return jdbc.sql("select discharged_on is null from residents_stay where resident_id = ?").param(resident)
			.query(Boolean.class).single();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder discharge(UUID resident, String json) {
		return post("/api/v1/residents/" + resident + "/discharge").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json);
	}
}
