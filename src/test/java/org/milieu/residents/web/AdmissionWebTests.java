package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.residents.Bed;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MilieuWebTest
class AdmissionWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Houses houses;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDirectorAdmitsSomeoneWhoStartsAtLevelOneAndTheAdmissionIsAudited() throws Exception {
		UUID house = house(2);
		UUID bed = beds(house).get(0).id();
		String location = mvc.perform(admit(house, bed, "Noor", "Haddad", "1994-03-12"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.resident.givenName").value("Noor"))
			.andExpect(jsonPath("$.resident.bed").value("1"))
			.andExpect(jsonPath("$.warnings").isEmpty())
			.andReturn().getResponse().getHeader("Location");
		UUID resident = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(get(location).with(signIns.as("director"))).andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'CREATE' and resident_id = ? and username = 'director'")
			.param(resident).query(Integer.class).single()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
			.sql("select level || ':' || decided_by from levels_assignment where resident_id = ?").param(resident)
			.query(String.class).list()).containsExactly("1:system"));
		assertThat(jdbc.sql("select phone from residents_resident where id = ?").param(resident).query(String.class).single())
			.isEqualTo("555-0142");
	}

	@Test
	void badAdmissionsAreRefusedByFieldAndChangeNothing() throws Exception {
		UUID house = house(1);
		UUID other = house(1);
		UUID bed = beds(house).get(0).id();
		int before = residents();
		String future = "2999-01-01";
		mvc.perform(admit(house, bed, "Ada", "Future", future))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("birthDate"));
		mvc.perform(admit(house, beds(other).get(0).id(), "Ada", "Elsewhere", "1990-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("another house")));
		mvc.perform(admit(house, UUID.randomUUID(), "Ada", "Nobed", "1990-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("bedId"));
		mvc.perform(post("/api/v1/residents").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"familyName\": \"Noname\", \"birthDate\": \"1990-01-01\", \"houseId\": \"" + house + "\", \"bedId\": \""
					+ bed + "\", \"admittedOn\": \"2026-01-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("givenName"));
		assertThat(residents()).isEqualTo(before);

		mvc.perform(admit(house, bed, "First", "Occupant", "1988-08-08")).andExpect(status().isCreated());
		mvc.perform(admit(house, bed, "Second", "Occupant", "1989-09-09"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("houseId"))
			.andExpect(jsonPath("$.detail").value(containsString("This house is full")));
		UUID roomy = house(2);
		UUID first = beds(roomy).get(0).id();
		mvc.perform(admit(roomy, first, "Third", "Occupant", "1987-07-07")).andExpect(status().isCreated());
		mvc.perform(admit(roomy, first, "Fourth", "Occupant", "1986-06-06"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("bedId"))
			.andExpect(jsonPath("$.detail").value(containsString("already taken")));
		assertThat(residents()).isEqualTo(before + 2);
	}

	@Test
	void theSameNameAndBirthDateWarnsButDoesNotStopTheAdmission() throws Exception {
		UUID house = house(2);
		List<Bed> beds = beds(house);
		String family = "Twin" + UUID.randomUUID().toString().substring(0, 5);
		mvc.perform(admit(house, beds.get(0).id(), "Sam", family, "1991-02-03")).andExpect(status().isCreated());
		mvc.perform(admit(house, beds.get(1).id(), "Sam", family, "1991-02-03"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.warnings[0].code").value("admission.warning.possible-duplicate"));
	}

	@Test
	void onlyTheDirectorAdmitsAndTheRefusalIsAudited() throws Exception {
		UUID house = house(1);
		int denials = jdbc.sql("select count(*) from audit_record where username = 'staff' and action = 'ACCESS_DENIED'")
			.query(Integer.class).single();
		mvc.perform(post("/api/v1/residents").with(signIns.as("staff")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body(house, beds(house).get(0).id(), "No", "Way", "1990-01-01")))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_record where username = 'staff' and action = 'ACCESS_DENIED'")
			.query(Integer.class).single()).isEqualTo(denials + 1);
	}

	@Autowired
	java.time.Clock clock;

	@Test
	void theAdmissionDischargeAndMoveFormsOfferTheProgramsDayNotUtcs() throws Exception {
		// from 18:00 in Chicago (winter) UTC is already on the next day: the forms must offer the program's day
		String today = clock.instant().atZone(java.time.ZoneId.of("America/Chicago")).toLocalDate().toString();
		UUID resident = signIns.user("resident01").residentId();
		mvc.perform(get("/residents/new").with(signIns.as("director"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"admittedOn\" value=\"" + today + "\"")));
		mvc.perform(get("/residents/" + resident + "/discharge").with(signIns.as("director"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"dischargedOn\" value=\"" + today + "\"")));
		mvc.perform(get("/residents/" + resident + "/move").with(signIns.as("director"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"movedOn\" value=\"" + today + "\"")));
	}

	@Test
	void theAdmissionPageExplainsMistakesAndAdmits() throws Exception {
		UUID house = house(1);
		mvc.perform(get("/residents/new").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a free bed")));
		mvc.perform(post("/residents").with(signIns.as("director")).with(csrf()).param("givenName", "Lena")
			.param("familyName", "Page").param("birthDate", "not a date").param("bedId", beds(house).get(0).id().toString())
			.param("admittedOn", "2026-01-02"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the date of birth as a date.")));
		mvc.perform(post("/residents").with(signIns.as("director")).with(csrf()).param("givenName", "Lena")
			.param("familyName", "Page").param("birthDate", "1993-04-05").param("bedId", beds(house).get(0).id().toString())
			.param("admittedOn", "2026-01-02"))
			.andExpect(redirectedUrl("/residents"))
			.andExpect(flash().attribute("noticeArg", "Lena Page"));
		mvc.perform(get("/residents/new").with(signIns.as("staff"))).andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder admit(UUID house, UUID bed, String given,
			String family, String born) {
		return post("/api/v1/residents").with(signIns.as("director")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body(house, bed, given, family, born));
	}

	private static String body(UUID house, UUID bed, String given, String family, String born) {
		return "{\"givenName\": \"" + given + "\", \"familyName\": \"" + family + "\", \"birthDate\": \"" + born
				+ "\", \"phone\": \"555-0142\", \"houseId\": \"" + house + "\", \"bedId\": \"" + bed
				+ "\", \"admittedOn\": \"2026-01-05\"}";
	}

	private UUID house(int beds) {
		return houses.found(signIns.user("director").programId(),
				new HouseDetails("Intake " + UUID.randomUUID().toString().substring(0, 8), HouseKind.MIXED, null), beds).id();
	}

	private List<Bed> beds(UUID house) {
		return houses.beds(signIns.user("director").programId(), house);
	}

	private int residents() {
		return jdbc.sql("select count(*) from residents_resident").query(Integer.class).single();
	}
}
