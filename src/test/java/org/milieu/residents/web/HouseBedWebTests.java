package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
import org.milieu.residents.HouseSummary;
import org.milieu.residents.HouseType;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.occupancy.CensusSnapshots;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The director manages a house's rooms and beds; staff see them; house types travel through page and API. */
@MilieuWebTest
class HouseBedWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	CensusSnapshots snapshots;

	@Autowired
	JdbcClient jdbc;

	ProgramId program() {
		return signIns.user("director").programId();
	}

	UUID aHouse(int beds) {
		return houses.found(program(), new HouseDetails("Beds " + UUID.randomUUID().toString().substring(0, 8),
				HouseKind.MIXED, null), beds).id();
	}

	List<String> labels(UUID house) {
		return houses.beds(program(), house).stream().map(Bed::label).toList();
	}

	HouseSummary summary(UUID house) {
		return houses.list(program()).stream().filter(s -> s.house().id().equals(house)).findFirst().orElseThrow();
	}

	Bed bed(UUID house, String label) {
		return houses.beds(program(), house).stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow();
	}

	UUID admitTo(Bed bed) {
		UUID resident = UUID.randomUUID();
		admissions.admit(program(), resident, new NewAdmission("Bedded", "Resident", null, LocalDate.of(1990, 3, 3), bed.id(),
				LocalDate.of(2026, 10, 1)));
		return resident;
	}

	@Test
	void theDirectorAddsABedToARoomAndItIsOfferedForAdmission() throws Exception {
		UUID house = aHouse(2);
		mvc.perform(post("/houses/" + house + "/beds").with(signIns.as("director")).with(csrf())
			.param("room", " 3 ").param("label", "3B"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/houses/" + house + "/beds"));
		assertThat(labels(house)).containsExactly("1", "2", "3B");
		assertThat(bed(house, "3B").room()).isEqualTo("3");
		assertThat(summary(house).beds()).isEqualTo(3);
		mvc.perform(get("/houses/" + house + "/beds").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Retire bed 3B")))
			.andExpect(content().string(containsString("3 beds in use, 0 taken, 3 free")));
		mvc.perform(get("/residents/new").with(signIns.as("director")))
			.andExpect(content().string(containsString(bed(house, "3B").id().toString())));
	}

	@Test
	void aBedAddedOverTheApiAnswers201AndIsListed() throws Exception {
		UUID house = aHouse(0);
		mvc.perform(post("/api/v1/houses/" + house + "/beds").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"room\": \"3\", \"label\": \"3B\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.label").value("3B"))
			.andExpect(jsonPath("$.room").value("3"))
			.andExpect(jsonPath("$.taken").value(false));
		mvc.perform(get("/api/v1/houses/" + house + "/beds").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].label").value("3B"))
			.andExpect(jsonPath("$[0].retiredAt").value(nullValue()));
	}

	@Test
	void aLabelTheHouseAlreadyUsesIsRefusedAndNothingChanges() throws Exception {
		UUID house = aHouse(2);
		mvc.perform(post("/houses/" + house + "/beds").with(signIns.as("director")).with(csrf())
			.param("room", "1").param("label", "2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This house already has a bed labelled 2")))
			.andExpect(content().string(containsString("id=\"label-error\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		mvc.perform(post("/api/v1/houses/" + house + "/beds").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"room\": \"5\", \"label\": \"1\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("label"));
		houses.addBed(program(), house, "3", "3B");
		// whatever the case
		mvc.perform(post("/api/v1/houses/" + house + "/beds").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"room\": \"3\", \"label\": \"3b\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("label"));
		mvc.perform(post("/houses/" + house + "/beds").with(signIns.as("director")).with(csrf())
			.param("room", "").param("label", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"room-error\"")));
		assertThat(labels(house)).containsExactly("1", "2", "3B");
	}

	@Test
	void aRetiredBedIsKeptButNoLongerOfferedOrCounted() throws Exception {
		UUID house = aHouse(3);
		Bed third = bed(house, "3");
		mvc.perform(post("/houses/" + house + "/beds/" + third.id() + "/retire").with(signIns.as("director")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/houses/" + house + "/beds"));
		assertThat(labels(house)).containsExactly("1", "2");
		assertThat(summary(house).beds()).isEqualTo(2);
		assertThat(houses.retiredBeds(program(), house)).singleElement().satisfies(r -> {
			assertThat(r.label()).isEqualTo("3");
			assertThat(r.retiredBy()).isEqualTo("director");
		});
		assertThat(jdbc.sql("select count(*) from residents_bed where house_id = ?").param(house).query(Integer.class).single())
			.as("kept, never deleted").isEqualTo(3);
		mvc.perform(get("/residents/new").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(bed(house, "1").id().toString())))
			.andExpect(content().string(not(containsString(third.id().toString()))));
		mvc.perform(get("/houses/" + house + "/beds").with(signIns.as("director")))
			.andExpect(content().string(containsString("Retired beds")))
			.andExpect(content().string(not(containsString("Retire bed 3<"))));
		mvc.perform(get("/api/v1/houses/" + house + "/beds?includeRetired=true").with(signIns.as("director")))
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[2].label").value("3"))
			.andExpect(jsonPath("$[2].retiredAt").isNotEmpty());
		// admission and move refuse it, naming the bed field
		mvc.perform(post("/api/v1/residents").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"givenName\": \"Retired\", \"familyName\": \"Bed\", \"birthDate\": \"1990-01-01\", \"houseId\": \""
					+ house + "\", \"bedId\": \"" + third.id() + "\", \"admittedOn\": \"2026-10-05\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("bedId"));
		UUID resident = admitTo(bed(house, "1"));
		mvc.perform(post("/api/v1/residents/" + resident + "/move").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"bedId\": \"" + third.id() + "\", \"movedOn\": \"2026-10-06\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("bedId"));
		mvc.perform(post("/api/v1/houses/" + house + "/beds/" + third.id() + "/retire").with(signIns.as("director")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("bedId"));
	}

	@Test
	void theCensusSnapshotCountsABedUntilTheDayItIsRetired() {
		UUID house = aHouse(3);
		houses.retireBed(program(), house, bed(house, "2").id(), "director");
		snapshots.take(program(), LocalDate.of(2020, 1, 1));
		snapshots.take(program(), LocalDate.of(2030, 1, 1));
		assertThat(jdbc.sql("select beds from residents_census_snapshot where house_id = ? and snapshot_date = ?")
			.params(house, LocalDate.of(2020, 1, 1)).query(Integer.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("select beds from residents_census_snapshot where house_id = ? and snapshot_date = ?")
			.params(house, LocalDate.of(2030, 1, 1)).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void aBedSomeoneHoldsCannotBeRetired() throws Exception {
		UUID house = aHouse(2);
		Bed first = bed(house, "1");
		admitTo(first);
		mvc.perform(post("/api/v1/houses/" + house + "/beds/" + first.id() + "/retire").with(signIns.as("director")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("bedId"))
			.andExpect(jsonPath("$.detail").value(containsString("Bed 1 is taken")));
		mvc.perform(post("/houses/" + house + "/beds/" + first.id() + "/retire").with(signIns.as("director")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bed 1 is taken today and cannot be retired")));
		assertThat(labels(house)).containsExactly("1", "2");
		assertThat(houses.retiredBeds(program(), house)).isEmpty();
		mvc.perform(get("/houses/" + house + "/beds").with(signIns.as("director")))
			.andExpect(content().string(containsString("2 beds in use, 1 taken, 1 free")))
			.andExpect(content().string(not(containsString("Retire bed 1<"))))
			.andExpect(content().string(containsString("Retire bed 2<")))
			.andExpect(content().string(not(containsString("Bedded"))));
	}

	@Test
	void aBedOfAnotherHouseOrUnknownIsNotFound() throws Exception {
		UUID house = aHouse(1);
		UUID other = aHouse(1);
		mvc.perform(post("/api/v1/houses/" + house + "/beds/" + bed(other, "1").id() + "/retire").with(signIns.as("director"))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/houses/" + UUID.randomUUID() + "/beds").with(signIns.as("director"))).andExpect(status().isNotFound());
		assertThat(labels(other)).containsExactly("1");
	}

	@Test
	void staffMayViewTheBedsButNotChangeThem() throws Exception {
		UUID house = aHouse(2);
		for (String who : List.of("staff", "clinician")) {
			mvc.perform(get("/houses/" + house + "/beds").with(signIns.as(who)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Free")))
				.andExpect(content().string(not(containsString("Add a bed"))))
				.andExpect(content().string(not(containsString("Retire bed"))));
			mvc.perform(post("/houses/" + house + "/beds").with(signIns.as(who)).with(csrf()).param("room", "9").param("label", "9A"))
				.andExpect(status().isForbidden());
			mvc.perform(post("/houses/" + house + "/beds/" + bed(house, "1").id() + "/retire").with(signIns.as(who)).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/api/v1/houses/" + house + "/beds").with(signIns.as(who)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"room\": \"9\", \"label\": \"9A\"}"))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/houses/" + house + "/beds").with(signIns.as("resident01"))).andExpect(status().isForbidden());
		assertThat(labels(house)).containsExactly("1", "2");
		assertThat(houses.retiredBeds(program(), house)).isEmpty();
	}

	@Test
	void theHouseTypeRoundTripsThroughTheApi() throws Exception {
		String name = "Cohort " + UUID.randomUUID().toString().substring(0, 8);
		String body = mvc.perform(post("/api/v1/houses").with(signIns.as("director")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"kind\": \"MIXED\", \"type\": \"OUTPATIENT_COHORT\", \"beds\": 0}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("OUTPATIENT_COHORT"))
			.andExpect(jsonPath("$.beds").value(0))
			.andReturn().getResponse().getContentAsString();
		UUID id = UUID.fromString(body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
		mvc.perform(get("/api/v1/houses/" + id).with(signIns.as("staff")))
			.andExpect(jsonPath("$.type").value("OUTPATIENT_COHORT"));
		// a client that does not know types leaves the type alone
		mvc.perform(put("/api/v1/houses/" + id).with(signIns.as("director")).with(csrf()).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\", \"kind\": \"WOMEN\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("OUTPATIENT_COHORT"))
			.andExpect(jsonPath("$.kind").value("WOMEN"));
		mvc.perform(put("/api/v1/houses/" + id).with(signIns.as("director")).with(csrf()).header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\", \"kind\": \"WOMEN\", \"type\": \"SOBER_HOME\"}"))
			.andExpect(jsonPath("$.type").value("SOBER_HOME"));
		mvc.perform(post("/api/v1/houses").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + " Two\", \"kind\": \"MEN\", \"beds\": 1}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("RESIDENTIAL"));
		mvc.perform(post("/api/v1/houses").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + " Three\", \"kind\": \"MEN\", \"type\": \"CASTLE\", \"beds\": 1}"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/houses").with(signIns.as("director")))
			.andExpect(jsonPath("$[*].type", hasItem("SOBER_HOME")));
	}

	@Test
	void theHouseTypeRoundTripsThroughTheForm() throws Exception {
		String name = "Sober " + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/houses").with(signIns.as("director")).with(csrf())
			.param("name", name).param("kind", "MEN").param("type", "SOBER_HOME").param("beds", "0"))
			.andExpect(status().isFound());
		UUID id = jdbc.sql("select id from residents_house where name = ?").param(name).query(UUID.class).single();
		assertThat(houses.find(program(), id).type()).isEqualTo(HouseType.SOBER_HOME);
		mvc.perform(get("/houses/" + id + "/edit").with(signIns.as("director")))
			.andExpect(content().string(containsString("<option value=\"SOBER_HOME\" selected=\"selected\">Sober home</option>")));
		mvc.perform(get("/houses").with(signIns.as("clinician")))
			.andExpect(content().string(containsString("Sober home")))
			.andExpect(content().string(containsString("/houses/" + id + "/beds")));
		mvc.perform(get("/houses/" + id + "/beds").with(signIns.as("director")))
			.andExpect(content().string(containsString("This house has no beds.")));
		mvc.perform(post("/houses/" + id).with(signIns.as("director")).with(csrf())
			.param("name", name).param("kind", "MEN").param("type", "OUTPATIENT_COHORT").param("version", "0"))
			.andExpect(status().isFound());
		assertThat(houses.find(program(), id).type()).isEqualTo(HouseType.OUTPATIENT_COHORT);
		mvc.perform(get("/houses").with(signIns.as("director")).header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Grupo ambulatorio")));
	}
}
