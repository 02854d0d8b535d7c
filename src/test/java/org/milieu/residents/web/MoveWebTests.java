package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.residents.Admissions;
import org.milieu.residents.Bed;
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

@MilieuWebTest
class MoveWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	JdbcClient jdbc;

	record Setup(UUID resident, UUID other, List<Bed> first, List<Bed> second) {
	}

	Setup setup() {
		ProgramId program = signIns.user("director").programId();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID a = houses.found(program, new HouseDetails("Move A " + suffix, HouseKind.MIXED, null), 3).id();
		UUID b = houses.found(program, new HouseDetails("Move B " + suffix, HouseKind.MIXED, null), 2).id();
		List<Bed> first = houses.beds(program, a);
		UUID resident = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		admissions.admit(program, resident, new NewAdmission("Moving", "Resident", null, LocalDate.of(1990, 1, 1),
				first.get(0).id(), LocalDate.of(2026, 10, 1)));
		admissions.admit(program, other, new NewAdmission("Staying", "Resident", null, LocalDate.of(1990, 1, 1),
				first.get(1).id(), LocalDate.of(2026, 10, 1)));
		return new Setup(resident, other, first, houses.beds(program, b));
	}

	MockHttpServletRequestBuilder move(UUID resident, String who, String body) {
		return post("/api/v1/residents/" + resident + "/move").with(signIns.as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	UUID bedOf(UUID resident) {
		return jdbc.sql("select bed_id from residents_stay where resident_id = ? and discharged_on is null").param(resident)
			.query(UUID.class).single();
	}

	@Test
	void theDirectorMovesAResidentToAnotherHouseAndTheMoveIsKept() throws Exception {
		Setup s = setup();
		UUID target = s.second().get(0).id();
		mvc.perform(move(s.resident(), "director", "{\"bedId\": \"" + target + "\", \"movedOn\": \"2026-11-02\", \"reason\": \"Quieter room\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.toHouseId").value(s.second().get(0).houseId().toString()));
		assertThat(bedOf(s.resident())).isEqualTo(target);
		assertThat(jdbc.sql("select count(*) from residents_move where resident_id = ? and from_bed = ? and to_bed = ? and reason = 'Quieter room'")
			.params(s.resident(), s.first().get(0).id(), target).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'UPDATE' and resident_id = ? and username = 'director'")
			.param(s.resident()).query(Integer.class).single()).as("the move is audited").isEqualTo(1);
		// the old bed is free again: someone else can move into it
		mvc.perform(move(s.other(), "director", "{\"bedId\": \"" + s.first().get(0).id() + "\", \"movedOn\": \"2026-11-02\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void badMovesAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
		Setup s = setup();
		UUID taken = s.first().get(1).id();
		mvc.perform(move(s.resident(), "director", "{\"bedId\": \"" + taken + "\", \"movedOn\": \"2026-11-02\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("bedId"))
			.andExpect(jsonPath("$.detail").value(containsString("taken")));
		mvc.perform(move(s.resident(), "director", "{\"bedId\": \"" + s.first().get(0).id() + "\", \"movedOn\": \"2026-11-02\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("already in this bed")));
		mvc.perform(move(s.resident(), "director", "{\"bedId\": \"" + s.first().get(2).id() + "\", \"movedOn\": \"2999-01-01\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("movedOn"));
		mvc.perform(move(s.resident(), "director", "{\"bedId\": \"" + s.first().get(2).id() + "\", \"movedOn\": \"2026-09-01\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("2026-10-01")));
		mvc.perform(move(s.resident(), "staff", "{\"bedId\": \"" + s.first().get(2).id() + "\", \"movedOn\": \"2026-11-02\"}"))
			.andExpect(status().isForbidden());
		assertThat(bedOf(s.resident())).isEqualTo(s.first().get(0).id());
		assertThat(jdbc.sql("select count(*) from residents_move where resident_id = ?").param(s.resident())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void theMovePageListsFreeBedsAndShowsErrorsNextToTheField() throws Exception {
		Setup s = setup();
		mvc.perform(get("/residents/" + s.resident() + "/move").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Move Moving Resident")));
		mvc.perform(post("/residents/" + s.resident() + "/move").param("bedId", s.first().get(1).id().toString())
			.param("movedOn", "2026-11-02").with(signIns.as("director")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("bedId-error")));
		mvc.perform(post("/residents/" + s.resident() + "/move").param("bedId", s.first().get(2).id().toString())
			.param("movedOn", "2026-11-02").with(signIns.as("director")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(bedOf(s.resident())).isEqualTo(s.first().get(2).id());
	}
}
