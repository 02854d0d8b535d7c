package org.milieu.levels.web;

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
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.levels.ShiftKind;
import org.milieu.levels.ShiftRatings;
import org.milieu.residents.Admissions;
import org.milieu.residents.Bed;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.NewDischarge;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The point sheet over JSON and as a page: who may rate, what is refused, corrections and late entries. */
@MilieuWebTest
class ShiftRatingWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	Discharges discharges;

	@Autowired
	Accounts accounts;

	@Autowired
	CareRelationships care;

	@Autowired
	ShiftRatings ratings;

	@Autowired
	JdbcClient jdbc;

	/** A new house with two residents, a third who left it, and a staff member who works there. */
	record Setup(UUID house, UUID first, UUID second, UUID former, String staff) {
	}

	Setup setup() {
		ProgramId program = signIns.user("director").programId();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program, new HouseDetails("Sheet " + suffix, HouseKind.MIXED, null), 3).id();
		List<Bed> beds = houses.beds(program, house);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID former = UUID.randomUUID();
		admissions.admit(program, first, new NewAdmission("Rated", "First", null, LocalDate.of(1990, 1, 1), beds.get(0).id(),
				LocalDate.of(2026, 10, 1)));
		admissions.admit(program, second, new NewAdmission("Rated", "Second", null, LocalDate.of(1990, 1, 1),
				beds.get(1).id(), LocalDate.of(2026, 10, 1)));
		admissions.admit(program, former, new NewAdmission("Rated", "Former", null, LocalDate.of(1990, 1, 1),
				beds.get(2).id(), LocalDate.of(2026, 10, 1)));
		discharges.discharge(program, former, new NewDischarge(LocalDate.of(2026, 11, 1), DischargeType.COMPLETED, null,
				NewDischarge.Aftercare.NONE), "director");
		String staff = "sheet-" + suffix;
		care.assignHouses(accounts.open(new NewAccount(program, staff, "Sheet Staff", null, Set.of(Role.STAFF), null)).id(),
				List.of(house));
		return new Setup(house, first, second, former, staff);
	}

	LocalDate today() {
		return ratings.currentShift(signIns.user("director").programId()).date();
	}

	MockHttpServletRequestBuilder sheet(UUID house, String who, String body) {
		return post("/api/v1/houses/" + house + "/shift-ratings").with(signIns.as(who)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	static String body(LocalDate date, String shift, String entries) {
		return "{\"shiftDate\": \"" + date + "\", \"shift\": \"" + shift + "\", \"entries\": [" + entries + "]}";
	}

	static String entry(UUID resident, String ratings) {
		return "{\"residentId\": \"" + resident + "\", \"ratings\": [" + ratings + "]}";
	}

	int ratingsIn(UUID house) {
		return jdbc.sql("select count(*) from levels_shift_rating where house_id = ?").param(house).query(Integer.class).single();
	}

	int sheetsOf(UUID house) {
		return jdbc.sql("select count(*) from levels_rating_sheet where house_id = ?").param(house).query(Integer.class).single();
	}

	@Test
	void staffOfTheHouseRateTheWholeSheetAndEachResidentRatedIsAudited() throws Exception {
		Setup s = setup();
		LocalDate yesterday = today().minusDays(1);
		String all = "{\"domain\": \"SAFETY\", \"value\": 1}, {\"domain\": \"ORIENTATION\", \"value\": 3}, "
				+ "{\"domain\": \"HYGIENE\", \"value\": 4}, {\"domain\": \"GROUP_PARTICIPATION\", \"value\": 2}, "
				+ "{\"domain\": \"RESPONSIBILITY\", \"value\": 3}, {\"domain\": \"RESPECT\", \"value\": 4, \"note\": \"Helped a new peer\"}";
		mvc.perform(sheet(s.house(), s.staff(), body(yesterday, "EVENING",
				entry(s.first(), all) + ", " + entry(s.second(), "{\"domain\": \"SAFETY\", \"value\": 0, \"note\": \"Punched a wall\"}"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.shiftDate").value(yesterday.toString()))
			.andExpect(jsonPath("$.shift").value("EVENING"))
			.andExpect(jsonPath("$.entries.length()").value(7));
		assertThat(jdbc.sql("select count(*) from levels_shift_rating where resident_id = ? and rated_by = ? and shift_date = ?")
			.params(s.first(), s.staff(), yesterday).query(Integer.class).single()).isEqualTo(6);
		assertThat(jdbc.sql("select note from levels_shift_rating where resident_id = ? and domain = 'SAFETY'")
			.param(s.second()).query(String.class).single()).isEqualTo("Punched a wall");
		for (UUID resident : List.of(s.first(), s.second())) {
			assertThat(jdbc.sql("select count(*) from audit_record where action = 'CREATE' and resident_id = ? "
					+ "and 'LEVELS_AND_RATINGS' = any(categories) and username = ?").params(resident, s.staff())
				.query(Integer.class).single()).as("the rating is audited").isEqualTo(1);
		}
		// the sheet reads back with its current ratings
		mvc.perform(get("/api/v1/houses/" + s.house() + "/shift-ratings?date=" + yesterday + "&shift=EVENING")
			.with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries.length()").value(7));
	}

	@Test
	void badSheetsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
		Setup s = setup();
		LocalDate day = today().minusDays(2);
		String hygiene = "{\"domain\": \"HYGIENE\", \"value\": 3}";
		int ratingsBefore = ratingsIn(s.house());
		int sheetsBefore = sheetsOf(s.house());
		mvc.perform(sheet(s.house(), s.staff(), body(today().plusDays(1), "DAY", entry(s.first(), hygiene))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("shiftDate"))
			.andExpect(jsonPath("$.detail").value(containsString("has not started")));
		mvc.perform(sheet(s.house(), s.staff(), body(day, "DAY", entry(s.first(), hygiene) + ", " + entry(s.former(), hygiene))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("entries[1].residentId"));
		UUID elsewhere = signIns.user("resident02").residentId();
		mvc.perform(sheet(s.house(), s.staff(), body(day, "DAY", entry(elsewhere, hygiene))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("entries[0].residentId"));
		mvc.perform(sheet(s.house(), s.staff(), body(day, "DAY",
				entry(s.first(), hygiene + ", {\"domain\": \"RESPECT\", \"value\": 5}"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("entries[0].ratings[1].value"));
		mvc.perform(sheet(s.house(), s.staff(), body(day, "DAY", entry(s.first(), "{\"domain\": \"SAFETY\", \"value\": 2}"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("entries[0].ratings[0].value"));
		mvc.perform(sheet(s.house(), s.staff(), body(day, "DAY", entry(s.first(), "{\"domain\": \"KINDNESS\", \"value\": 2}"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(containsString("domain")));
		assertThat(ratingsIn(s.house())).isEqualTo(ratingsBefore);
		assertThat(sheetsOf(s.house())).isEqualTo(sheetsBefore);

		mvc.perform(sheet(s.house(), s.staff(), body(day, "DAY", entry(s.first(), hygiene)))).andExpect(status().isCreated());
		int afterFirst = ratingsIn(s.house());
		mvc.perform(sheet(s.house(), s.staff(), body(day, "DAY", entry(s.second(), hygiene))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("shiftDate"))
			.andExpect(jsonPath("$.detail").value(containsString("correct its entries instead")));
		assertThat(ratingsIn(s.house())).isEqualTo(afterFirst);
		assertThat(sheetsOf(s.house())).isEqualTo(sheetsBefore + 1);
	}

	@Test
	void aCorrectionSupersedesTheOldRatingAndKeepsIt() throws Exception {
		Setup s = setup();
		LocalDate day = today().minusDays(1);
		mvc.perform(sheet(s.house(), s.staff(), body(day, "DAY", entry(s.first(), "{\"domain\": \"HYGIENE\", \"value\": 2}"))))
			.andExpect(status().isCreated());
		UUID old = jdbc.sql("select id from levels_shift_rating where resident_id = ?").param(s.first()).query(UUID.class).single();
		String created = mvc.perform(post("/api/v1/shift-ratings/" + old + "/corrections").with(signIns.as(s.staff())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"value\": 3, \"note\": \"Room was inspected late\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.value").value(3))
			.andExpect(jsonPath("$.supersedes").value(old.toString()))
			.andReturn().getResponse().getContentAsString();
		assertThat(created).contains("Room was inspected late");
		assertThat(jdbc.sql("select value from levels_shift_rating where id = ?").param(old).query(Integer.class).single())
			.as("the old rating is kept").isEqualTo(2);
		assertThat(jdbc.sql("select superseded_by is not null from levels_shift_rating where id = ?").param(old)
			.query(Boolean.class).single()).isTrue();
		// the sheet and the resident's ratings show the correction only
		mvc.perform(get("/api/v1/residents/" + s.first() + "/shift-ratings?from=" + day + "&to=" + day)
			.with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].value").value(3));
		// correcting the old one again is refused: correct the correction
		mvc.perform(post("/api/v1/shift-ratings/" + old + "/corrections").with(signIns.as(s.staff())).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"value\": 4}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/shift-ratings/" + old + "/corrections").with(signIns.as("staff")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"value\": 4}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from levels_shift_rating where resident_id = ?").param(s.first())
			.query(Integer.class).single()).isEqualTo(2);
		// the database itself keeps ratings append-only
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from levels_shift_rating where id = ?")
			.param(old).update()).hasMessageContaining("never deleted");
	}

	@Test
	void aRatingEnteredMoreThanTwelveHoursAfterItsShiftIsFlaggedLate() throws Exception {
		Setup s = setup();
		mvc.perform(sheet(s.house(), s.staff(), body(today().minusDays(3), "DAY", entry(s.first(), "{\"domain\": \"HYGIENE\", \"value\": 2}"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.entries[0].late").value(true));
		ShiftKind.ShiftSlot now = ratings.currentShift(signIns.user("director").programId());
		mvc.perform(sheet(s.house(), s.staff(), body(now.date(), now.kind().name(), entry(s.first(), "{\"domain\": \"HYGIENE\", \"value\": 2}"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.entries[0].late").value(false));
	}

	@Test
	void aResidentReadsTheirOwnRatingsButNotAnothers() throws Exception {
		UUID own = signIns.user("resident01").residentId();
		mvc.perform(get("/api/v1/residents/" + own + "/shift-ratings").with(signIns.as("resident01")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].residentId").value(own.toString()));
		mvc.perform(get("/api/v1/residents/" + signIns.user("resident02").residentId() + "/shift-ratings")
			.with(signIns.as("resident01")))
			.andExpect(status().isForbidden());
	}

	@Test
	void staffOfAnotherHouseAreRefused() throws Exception {
		Setup s = setup();
		int before = ratingsIn(s.house());
		mvc.perform(sheet(s.house(), "staff", body(today().minusDays(1), "DAY", entry(s.first(), "{\"domain\": \"HYGIENE\", \"value\": 2}"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/houses/" + s.house() + "/shift-ratings?date=" + today() + "&shift=DAY").with(signIns.as("staff")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/houses/" + s.house() + "/point-sheet").with(signIns.as("staff"))).andExpect(status().isForbidden());
		assertThat(ratingsIn(s.house())).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCESS_DENIED' and username = 'staff' "
				+ "and 'RatingSheet' = any(resource_types) and ? = any(resource_ids)").param(s.house().toString())
			.query(Integer.class).single()).as("the refusals are audited").isGreaterThanOrEqualTo(2);
	}

	@Test
	void thePointSheetPageSavesEachChoiceAsItIsMade() throws Exception {
		Setup s = setup();
		LocalDate day = today().minusDays(2);
		mvc.perform(get("/houses/" + s.house() + "/point-sheet?date=" + day + "&shift=EVENING").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Rated First")))
			.andExpect(content().string(containsString("id=\"rate-" + s.first() + "-HYGIENE\"")))
			.andExpect(content().string(containsString("id=\"late-now\"")))
			.andExpect(content().string(containsString("hx-include=\"#note-" + s.first() + "\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("hx-include=\"\""))));
		String path = "/houses/" + s.house() + "/point-sheet/ratings?date=" + day + "&shift=EVENING&residentId=" + s.first();
		mvc.perform(post(path + "&domain=HYGIENE").param("value", "3").with(signIns.as(s.staff())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Saved")));
		mvc.perform(post(path + "&domain=HYGIENE").param("value", "4").with(signIns.as(s.staff())).with(csrf()))
			.andExpect(status().isOk());
		mvc.perform(post(path + "&domain=RESPECT").param("value", "7").with(signIns.as(s.staff())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("role=\"alert\"")));
		// staff of another house: the refusal shows beside the choice, and nothing is saved
		mvc.perform(post(path + "&domain=ORIENTATION").param("value", "3").with(signIns.as("staff2")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Not saved: this resident is outside your care.")));
		assertThat(jdbc.sql("select count(*) from levels_shift_rating where resident_id = ? and domain = 'ORIENTATION'")
			.param(s.first()).query(Integer.class).single()).isZero();
		mvc.perform(post(path + "&domain=SAFETY").param("value", "0").param("note", " Kicked a door ")
			.with(signIns.as(s.staff())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Saved")));
		assertThat(jdbc.sql("select note from levels_shift_rating where resident_id = ? and domain = 'SAFETY'")
			.param(s.first()).query(String.class).single()).isEqualTo("Kicked a door");
		assertThat(jdbc.sql("select count(*) from levels_shift_rating where resident_id = ? and domain = 'HYGIENE'").param(s.first())
			.query(Integer.class).single()).as("the change is a correction, the first choice kept").isEqualTo(2);
		assertThat(jdbc.sql("select value from levels_shift_rating where resident_id = ? and domain = 'HYGIENE' and superseded_by is null")
			.param(s.first()).query(Integer.class).single()).isEqualTo(4);
		mvc.perform(get("/houses/" + s.house() + "/point-sheet?date=" + day + "&shift=EVENING").with(signIns.as(s.staff())))
			.andExpect(content().string(containsString("class=\"flag late\"")));
		mvc.perform(get("/levels").with(signIns.as("director")))
			.andExpect(content().string(containsString("/houses/" + s.house() + "/point-sheet")));
	}
}
