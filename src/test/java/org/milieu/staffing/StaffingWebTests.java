package org.milieu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
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

@MilieuWebTest
class StaffingWebTests {

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
	StaffingMinimums minimums;

	@Autowired
	RatioAlerts alerts;

	@Autowired
	CheckIns checkIns;

	@Autowired
	JdbcClient jdbc;

	/** A house of its own with beds, one resident, a minimum of one resident per staff member and two staff. */
	record Setup(ProgramId program, UUID house, String staff, String colleague) {
	}

	Setup house(int beds) {
		ProgramId program = signIns.user("director").programId();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program, new HouseDetails("Ratio " + suffix, HouseKind.MIXED, null), beds).id();
		minimums.set(program, house, Map.of(ShiftCode.DAY, 1, ShiftCode.EVENING, 1, ShiftCode.NIGHT, 1));
		String staff = "ratio-" + suffix;
		String colleague = "ratio2-" + suffix;
		for (String username : List.of(staff, colleague)) {
			UUID account = accounts.open(new NewAccount(program, username, "Staff " + username, null, Set.of(Role.STAFF), null)).id();
			care.assignHouses(account, List.of(house));
		}
		return new Setup(program, house, staff, colleague);
	}

	void admit(Setup setup, int bed) {
		admissions.admit(setup.program(), UUID.randomUUID(), new NewAdmission("Ratio", "Resident " + bed, null,
				LocalDate.of(1990, 1, 1), houses.beds(setup.program(), setup.house()).get(bed).id(), LocalDate.of(2026, 11, 1)));
	}

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String who, String body) {
		return request.with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	int openCheckIns(UUID house) {
		return jdbc.sql("select count(*) from staffing_check_in where house_id = ? and checked_out_at is null")
			.param(house).query(Integer.class).single();
	}

	int alertCount(UUID house) {
		return jdbc.sql("select count(*) from staffing_ratio_alert where house_id = ?").param(house).query(Integer.class).single();
	}

	boolean alertOpen(UUID house) {
		return jdbc.sql("select exists (select 1 from staffing_ratio_alert where house_id = ? and ended_at is null)")
			.param(house).query(Boolean.class).single();
	}

	@Test
	void theCensusCountsBedsResidentsAndStaffOnShiftPerHouse() throws Exception {
		Setup s = house(3);
		admit(s, 0);
		admit(s, 1);
		mvc.perform(json(post("/api/v1/staffing/check-ins"), s.staff(), "{\"houseId\": \"" + s.house() + "\"}"))
			.andExpect(status().isCreated());
		String path = "$[?(@.houseId == '" + s.house() + "')]";
		mvc.perform(get("/api/v1/census").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath(path + ".beds").value(hasItem(3)))
			.andExpect(jsonPath(path + ".occupied").value(hasItem(2)))
			.andExpect(jsonPath(path + ".staffOnShift").value(hasItem(1)))
			.andExpect(jsonPath(path + ".residentsPerStaff").value(hasItem(2.0)))
			.andExpect(jsonPath(path + ".minimumResidentsPerStaff").value(hasItem(1)))
			.andExpect(jsonPath(path + ".belowMinimum").value(hasItem(true)));
		mvc.perform(json(post("/api/v1/staffing/check-ins"), s.colleague(), "{\"houseId\": \"" + s.house() + "\"}"))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/census").with(signIns.as("director")))
			.andExpect(jsonPath(path + ".staffOnShift").value(hasItem(2)))
			.andExpect(jsonPath(path + ".belowMinimum").value(hasItem(false)));
		// the demo houses are there too, with their live counts
		mvc.perform(get("/api/v1/census").with(signIns.as("director")))
			.andExpect(jsonPath("$[*].name").value(hasItem("Bayview House")))
			.andExpect(jsonPath("$[*].name").value(hasItem("Linden House")));
		checkOut(s.staff());
		checkOut(s.colleague());
	}

	void checkOut(String who) throws Exception {
		mvc.perform(json(post("/api/v1/staffing/check-outs"), who, "{}")).andExpect(status().isOk());
	}

	@Test
	void aCheckOutThatLeavesTooFewStaffRaisesAnAlertWhichTheHomePageShowsAndTheNextCheckInCloses() throws Exception {
		Setup s = house(3);
		admit(s, 0);
		admit(s, 1);
		mvc.perform(json(post("/api/v1/staffing/check-ins"), s.staff(), "{\"houseId\": \"" + s.house() + "\"}"));
		mvc.perform(json(post("/api/v1/staffing/check-ins"), s.colleague(), "{\"houseId\": \"" + s.house() + "\"}"));
		assertThat(alertOpen(s.house())).isFalse();
		int before = alertCount(s.house());

		checkOut(s.colleague());
		assertThat(alertOpen(s.house())).as("one staff member for two residents, the minimum being one").isTrue();
		String houseName = houses.find(s.program(), s.house()).name();
		mvc.perform(get("/").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(houseName + " is under its staffing minimum")));
		mvc.perform(get("/api/v1/staffing/ratio-alerts").with(signIns.as("director")))
			.andExpect(jsonPath("$[*].houseId").value(hasItem(s.house().toString())));
		// staff of other houses do not see this house's alert on their home page
		mvc.perform(get("/").with(signIns.as("staff")))
			.andExpect(content().string(not(containsString(houseName))));

		mvc.perform(json(post("/api/v1/staffing/check-ins"), s.colleague(), "{\"houseId\": \"" + s.house() + "\"}"))
			.andExpect(status().isCreated());
		assertThat(alertOpen(s.house())).isFalse();
		assertThat(alertCount(s.house())).as("the alert is kept, closed").isEqualTo(before + 1);

		List<RatioHistory.Row> rows = history.report(s.program(), s.house(), LocalDate.now(clock).minusDays(1),
				LocalDate.now(clock).plusDays(1));
		assertThat(rows.stream().mapToInt(RatioHistory.Row::alerts).sum()).isEqualTo(before + 1);
		assertThat(rows.stream().mapToInt(RatioHistory.Row::staffCheckedIn).max().orElse(0)).isEqualTo(2);
		checkOut(s.staff());
		checkOut(s.colleague());
	}

	@Autowired
	RatioHistory history;

	@Autowired
	java.time.Clock clock;

	@Test
	void anAdmissionThatTakesAHouseUnderItsMinimumRaisesTheAlertWithinAMinute() throws Exception {
		Setup s = house(3);
		admit(s, 0);
		mvc.perform(json(post("/api/v1/staffing/check-ins"), s.staff(), "{\"houseId\": \"" + s.house() + "\"}"))
			.andExpect(status().isCreated());
		assertThat(alertOpen(s.house())).isFalse();
		admit(s, 1);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alertOpen(s.house()))
			.as("raised after the admission, without anyone checking out").isTrue());
		checkOut(s.staff());
	}

	@Test
	void badCheckInsAndCheckOutsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
		Setup s = house(2);
		Setup other = house(2);
		mvc.perform(json(post("/api/v1/staffing/check-ins"), s.staff(), "{\"houseId\": \"" + other.house() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("houseId"))
			.andExpect(jsonPath("$.detail").value(containsString("do not work in this house")));
		assertThat(openCheckIns(other.house())).isZero();

		mvc.perform(json(post("/api/v1/staffing/check-ins"), s.staff(), "{\"houseId\": \"" + s.house() + "\"}"))
			.andExpect(status().isCreated());
		mvc.perform(json(post("/api/v1/staffing/check-ins"), s.staff(), "{\"houseId\": \"" + s.house() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("houseId"))
			.andExpect(jsonPath("$.detail").value(containsString("already checked in")));
		assertThat(openCheckIns(s.house())).isEqualTo(1);

		mvc.perform(json(post("/api/v1/staffing/check-ins"), s.colleague(), "{\"houseId\": \"not-a-uuid\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("houseId"));
		mvc.perform(json(post("/api/v1/staffing/check-outs"), s.colleague(), "{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("no open check-in")));
		// only the director checks out someone else
		UUID staffAccount = accounts.findByUsername(s.staff()).orElseThrow().id();
		mvc.perform(json(post("/api/v1/staffing/check-outs"), s.colleague(), "{\"accountId\": \"" + staffAccount + "\"}"))
			.andExpect(status().isForbidden());
		assertThat(openCheckIns(s.house())).isEqualTo(1);
		mvc.perform(json(post("/api/v1/staffing/check-outs"), "director", "{\"accountId\": \"" + staffAccount + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checkedOutAt").isNotEmpty());
		assertThat(openCheckIns(s.house())).isZero();
	}

	@Test
	void aCheckInForgottenForSixteenHoursIsClosedByTheWatch() {
		Setup s = house(2);
		UUID account = accounts.findByUsername(s.staff()).orElseThrow().id();
		jdbc.sql("""
				insert into staffing_check_in (id, program_id, house_id, account_id, checked_in_at)
				values (?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), s.program().value(), s.house(), account,
					java.sql.Timestamp.from(clock.instant().minus(Duration.ofHours(17))))
			.update();
		assertThat(checkIns.closeForgotten(s.program())).isGreaterThanOrEqualTo(1);
		assertThat(openCheckIns(s.house())).isZero();
		assertThat(jdbc.sql("select checked_out_by from staffing_check_in where house_id = ?").param(s.house())
			.query(String.class).single()).isEqualTo("system");
	}

	@Test
	void theNextShiftAcknowledgesAHandOffNoteAndTheWriterCannot() throws Exception {
		Setup s = house(2);
		String body = mvc.perform(json(post("/api/v1/staffing/handoff-notes"), s.staff(),
				"{\"houseId\": \"" + s.house() + "\", \"body\": \"Back door lock sticks; maintenance called.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.acknowledgedAt").isEmpty())
			.andReturn().getResponse().getContentAsString();
		String id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
		String houseName = houses.find(s.program(), s.house()).name();
		mvc.perform(get("/").with(signIns.as(s.colleague())))
			.andExpect(content().string(containsString("hand-off note(s) for " + houseName)));

		mvc.perform(post("/api/v1/staffing/handoff-notes/" + id + "/acknowledge").with(signIns.as(s.staff())).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/staffing/handoff-notes/" + id + "/acknowledge").with(signIns.as("staff")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/staffing/handoff-notes/" + id + "/acknowledge").with(signIns.as(s.colleague())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.acknowledgedByName").value("Staff " + s.colleague()));
		mvc.perform(post("/api/v1/staffing/handoff-notes/" + id + "/acknowledge").with(signIns.as(s.colleague())).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/").with(signIns.as(s.colleague())))
			.andExpect(content().string(not(containsString("hand-off note(s) for " + houseName))));

		int before = jdbc.sql("select count(*) from staffing_handoff_note where house_id = ?").param(s.house())
			.query(Integer.class).single();
		mvc.perform(json(post("/api/v1/staffing/handoff-notes"), s.staff(), "{\"houseId\": \"" + s.house() + "\", \"body\": \"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		assertThat(jdbc.sql("select count(*) from staffing_handoff_note where house_id = ?").param(s.house())
			.query(Integer.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from audit_record where 'HandOffNote' = any(resource_types) and ? = any(resource_ids)")
			.param(id).query(Integer.class).single()).as("writing and acknowledging are audited").isEqualTo(2);
	}

	@Test
	void theShiftBoardChecksInAndOutFromThePage() throws Exception {
		Setup s = house(2);
		mvc.perform(get("/staffing").with(signIns.as(s.staff())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(houses.find(s.program(), s.house()).name())))
			.andExpect(content().string(containsString("Check in")));
		mvc.perform(post("/staffing/check-in").param("houseId", s.house().toString()).with(signIns.as(s.staff())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(openCheckIns(s.house())).isEqualTo(1);
		mvc.perform(get("/staffing").with(signIns.as(s.staff())))
			.andExpect(content().string(containsString("You are checked in at")));
		mvc.perform(post("/staffing/check-out").with(signIns.as(s.staff())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(openCheckIns(s.house())).isZero();
		mvc.perform(post("/staffing/handoff-notes").param("houseId", s.house().toString()).param("body", "")
			.with(signIns.as(s.staff())).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("note-body-error")));
	}

	@Test
	void onlyTheDirectorChangesShiftsAndMinimumsAndBadValuesChangeNothing() throws Exception {
		mvc.perform(get("/staffing/settings").with(signIns.as("staff"))).andExpect(status().isForbidden());
		mvc.perform(get("/staffing/settings").with(signIns.as("director"))).andExpect(status().isOk());
		mvc.perform(post("/staffing/settings/shifts").param("dayStarts", "15:00").param("eveningStarts", "07:00")
			.param("nightStarts", "23:00").with(signIns.as("director")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The shifts must start in order")));
		mvc.perform(get("/api/v1/staffing/shifts").with(signIns.as("staff")))
			.andExpect(jsonPath("$.dayStarts").value("07:00:00"));
		Setup s = house(2);
		mvc.perform(json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/staffing/minimums/" + s.house()),
				"director", "{\"day\": 0, \"evening\": 8, \"night\": 12}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("day"));
		assertThat(minimums.of(s.program(), s.house()).get(ShiftCode.DAY)).isEqualTo(1);
	}

	@Test
	void theRosterPlansOnlyPeopleWhoWorkInTheHouse() throws Exception {
		Setup s = house(2);
		UUID outsider = accounts.findByUsername("staff2").orElseThrow().id();
		mvc.perform(json(post("/api/v1/staffing/roster"), "director", "{\"houseId\": \"" + s.house()
				+ "\", \"date\": \"2026-12-01\", \"shift\": \"NIGHT\", \"accountId\": \"" + outsider + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"));
		UUID insider = accounts.findByUsername(s.staff()).orElseThrow().id();
		mvc.perform(json(post("/api/v1/staffing/roster"), "director", "{\"houseId\": \"" + s.house()
				+ "\", \"date\": \"2026-12-01\", \"shift\": \"NIGHT\", \"accountId\": \"" + insider + "\"}"))
			.andExpect(status().isCreated());
		mvc.perform(json(post("/api/v1/staffing/roster"), "director", "{\"houseId\": \"" + s.house()
				+ "\", \"date\": \"2026-12-01\", \"shift\": \"NIGHT\", \"accountId\": \"" + insider + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("already planned")));
		mvc.perform(get("/api/v1/staffing/roster?from=2026-12-01&to=2026-12-01").with(signIns.as("staff")))
			.andExpect(jsonPath("$[?(@.houseId == '" + s.house() + "')].displayName").value(hasItem("Staff " + s.staff())));
		mvc.perform(get("/staffing/roster?week=2026-12-01").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Staff " + s.staff())));
	}
}
