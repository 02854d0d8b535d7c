package org.milieu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.platform.database.StatementCount;
import org.milieu.residents.Admissions;
import org.milieu.residents.Bed;
import org.milieu.residents.Census;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.passes.NewPass;
import org.milieu.residents.passes.Passes;
import org.milieu.screening.DrugScreens;
import org.milieu.screening.NewDrugScreen;
import org.milieu.screening.Panel;
import org.milieu.screening.Specimen;
import org.milieu.screening.Substance;
import org.milieu.screening.SubstanceResult;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No list page asks the database once per resident it shows: a house of 100 residents costs the
 * same number of SQL statements as a house of 10. Each house's residents have a level, one in five
 * is out on a pass and one in ten has an open drug-screen follow-up, so every column of the census
 * has something to show; each house has its own staff member and clinician, whose pages show only
 * that house. The statements are counted on the request's thread by {@link StatementCount}; the
 * page is asked once before counting so that caches filled on first use do not count.
 */
@MilieuWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPageStatementsWebTests {

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
	Census census;

	@Autowired
	ResidentLevels levels;

	@Autowired
	Passes passes;

	@Autowired
	DrugScreens screens;

	@Autowired
	Clock clock;

	House small;

	House large;

	@BeforeAll
	void twoHousesOfTenAndOfAHundredResidents() {
		small = house(10);
		large = house(100);
	}

	/** Pages as the staff member or clinician of one house: they see that house's residents only. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/", "/attention", "/residents", "/levels", "/passes" })
	void aPageOfTheHousesOwnStaffCostsTheSameStatementsForAHundredResidentsAsForTen(String path) throws Exception {
		for (String role : List.of("staff", "clinician")) {
			StatementCount.Recorded<Void> ten = statements(path, small.member(role));
			StatementCount.Recorded<Void> hundred = statements(path, large.member(role));
			assertThat(ten.count()).as("%s as %s reads the database", path, role).isPositive();
			assertThat(hundred.count()).as("%s as %s: statements for 100 residents against 10; for 100: %s", path, role,
					hundred.tally()).isEqualTo(ten.count());
		}
	}

	/** Pages of one house, as the director, who may see every house. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/residents?house={id}", "/houses/{id}/point-sheet", "/houses/{id}/rounds",
			"/api/v1/residents?houseId={id}" })
	void aPageOfOneHouseCostsTheSameStatementsForAHundredResidentsAsForTen(String path) throws Exception {
		StatementCount.Recorded<Void> ten = statements(path.replace("{id}", small.id().toString()), "director");
		StatementCount.Recorded<Void> hundred = statements(path.replace("{id}", large.id().toString()), "director");
		assertThat(ten.count()).as("%s reads the database", path).isPositive();
		assertThat(hundred.count()).as("%s: statements for 100 residents against 10; for 100: %s", path, hundred.tally())
			.isEqualTo(ten.count());
	}

	private StatementCount.Recorded<Void> statements(String path, String username) throws Exception {
		mvc.perform(get(path).with(signIns.as(username))).andExpect(status().isOk());
		return StatementCount.during(() -> {
			mvc.perform(get(path).with(signIns.as(username))).andExpect(status().isOk());
			return null;
		});
	}

	record House(UUID id, String suffix, List<UUID> residents) {

		String member(String role) {
			return role + "-" + suffix;
		}
	}

	private House house(int residents) {
		ProgramId program = signIns.user("director").programId();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program, new HouseDetails("Statements " + residents + " " + suffix, HouseKind.MIXED, null),
				residents).id();
		List<Bed> beds = houses.beds(program, house);
		LocalDate today = census.day(program);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < residents; i++) {
			UUID id = UUID.randomUUID();
			admissions.admit(program, id, new NewAdmission("Listed", "Resident " + i, null, LocalDate.of(1990, 1, 1),
					beds.get(i).id(), today.minusDays(20 + i % 30), NewAdmission.Details.NONE));
			levels.assign(program, id, i % 5 == 0 ? Level.LEADERSHIP : Level.values()[i % 4], today.minusDays(10), "director",
					"Counted on the list pages");
			if (i % 5 == 0) {
				passes.signOut(signIns.user("director"), id, new NewPass("Public library", "Job search", null, null,
						clock.instant().plus(Duration.ofHours(2)), true));
			}
			if (i % 10 == 0) {
				screens.record(signIns.user("director"), id, new NewDrugScreen(clock.instant().minus(Duration.ofHours(2)),
						Specimen.BREATH, Panel.ALCOHOL, true, null, null, false,
						List.of(new SubstanceResult(Substance.ALCOHOL, SubstanceResult.Result.POSITIVE)), null));
			}
			ids.add(id);
		}
		care.assignHouses(accounts.open(new NewAccount(program, "staff-" + suffix, "Listed Staff", null,
				Set.of(Role.STAFF), null)).id(), List.of(house));
		care.assignHouses(accounts.open(new NewAccount(program, "clinician-" + suffix, "Listed Clinician", null,
				Set.of(Role.CLINICIAN), null)).id(), List.of(house));
		return new House(house, suffix, List.copyOf(ids));
	}
}
