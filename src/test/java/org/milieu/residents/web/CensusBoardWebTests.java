package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
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
import org.milieu.screening.ScreenFollowUps;
import org.milieu.screening.Specimen;
import org.milieu.screening.Substance;
import org.milieu.screening.SubstanceResult;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The live census and bed board (each resident's level, days in the program, pass and flags; each
 * house's free beds) and the profile's drug-screen and whereabouts tabs, on the real database.
 * Every fixture lives in a house of its own, so the tests never depend on counts of the shared data.
 */
@MilieuWebTest
class CensusBoardWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	Census census;

	@Autowired
	ResidentLevels levels;

	@Autowired
	DrugScreens screens;

	@Autowired
	ScreenFollowUps followUps;

	@Autowired
	Passes passes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theBoardShowsEachResidentsLevelAndDaysInTheProgramAndTheFreeBeds() throws Exception {
		Fixture house = house(3);
		LocalDate today = census.day(program());
		UUID resident = admit(house, 0, "Lena", "Boardwell", today.minusDays(12));
		levels.assign(program(), resident, Level.RESPONSIBILITY, today, "director", "Leads the kitchen crew");
		int levelReads = audited("director", resident, "LEVELS_AND_RATINGS", "CensusLevel");

		Document page = page("/residents", signIns.as("director"));
		Element row = page.selectFirst("tr[data-resident=" + resident + "]");
		assertThat(row).as("the resident's row").isNotNull();
		assertThat(row.selectFirst("th").text()).isEqualTo("Lena Boardwell");
		assertThat(row.selectFirst(".census-days").text()).isEqualTo("12");
		assertThat(row.selectFirst(".census-level").text()).isEqualTo("Level 3");
		assertThat(row.selectFirst(".census-flags").text()).isEmpty();
		assertThat(audited("director", resident, "LEVELS_AND_RATINGS", "CensusLevel"))
			.as("the level shown is audited").isEqualTo(levelReads + 1);

		Element section = section(page, house.name());
		assertThat(section.select("h2 .free-count").text()).isEqualTo("2 free beds");
		List<Bed> free = houses.beds(program(), house.id()).stream().filter(b -> !b.taken()).toList();
		assertThat(section.select("tr.free-bed").stream().map(r -> r.select("td").get(1).text()).toList())
			.containsExactlyElementsOf(free.stream().map(Bed::label).toList());
		assertThat(section.select("tr.free-bed th").eachText()).containsOnly("Free bed");

		Document spanish = page("/residents?lang=es", signIns.as("director"));
		assertThat(spanish.selectFirst("tr[data-resident=" + resident + "] .census-level").text()).isEqualTo("Nivel 3");
		assertThat(section(spanish, house.name()).select("h2 .free-count").text()).isEqualTo("2 camas libres");
	}

	@Test
	void anEmptyHouseShowsItsFreeBedsToTheDirectorButNotToStaffOfAnotherHouse() throws Exception {
		Fixture empty = house(2);
		Document director = page("/residents", signIns.as("director"));
		Element section = section(director, empty.name());
		assertThat(section.select("tr.free-bed")).hasSize(2);
		assertThat(section.select("tr[data-resident]")).isEmpty();

		Document staff = page("/residents", signIns.as("staff"));
		assertThat(staff.select("section.census-house h2 > span:first-child").eachText()).doesNotContain(empty.name())
			.contains("Bayview House");
	}

	@Test
	void theBoardShowsOneHouseWhenAskedAndAuditsOnlyItsResidents() throws Exception {
		Fixture one = house(2);
		UUID houseId = one.id();
		admit(one, 0, "Filter", "Resident", LocalDate.of(2026, 11, 1));
		long before = jdbc.sql("select count(*) from audit_record where username = 'director' and 'Census' = any(resource_types)")
			.query(Long.class).single();
		Document director = page("/residents?house=" + houseId, signIns.as("director"));
		assertThat(director.select("section.census-house h2 > span:first-child").eachText()).containsExactly(one.name());
		assertThat(director.select(".house-filter a[aria-current]").text()).isEqualTo(one.name());
		long after = jdbc.sql("select count(*) from audit_record where username = 'director' and 'Census' = any(resource_types)")
			.query(Long.class).single();
		assertThat(director.select("tr[data-resident]")).hasSize(1);
		assertThat(after - before).as("only the chosen house's resident is read").isEqualTo(1);
	}

	@Test
	void aResidentWithAnOpenDrugScreenFollowUpIsFlaggedUntilItIsClosed() throws Exception {
		Fixture house = house(2);
		LocalDate today = census.day(program());
		UUID flagged = admit(house, 0, "Flora", "Flagged", today.minusDays(30));
		UUID clear = admit(house, 1, "Clara", "Clear", today.minusDays(30));
		screens.record(signIns.user("director"), flagged, new NewDrugScreen(clock.instant().minus(Duration.ofHours(2)),
				Specimen.BREATH, Panel.ALCOHOL, true, null, null, false,
				List.of(new SubstanceResult(Substance.ALCOHOL, SubstanceResult.Result.POSITIVE)), null));
		screens.record(signIns.user("director"), clear, new NewDrugScreen(clock.instant().minus(Duration.ofHours(2)),
				Specimen.BREATH, Panel.ALCOHOL, true, null, null, false,
				List.of(new SubstanceResult(Substance.ALCOHOL, SubstanceResult.Result.NEGATIVE)), null));
		int checks = audited("director", clear, "DRUG_SCREENS", "CensusFlag");

		Document page = page("/residents", signIns.as("director"));
		Element flag = page.selectFirst("tr[data-resident=" + flagged + "] .census-flags li.flag");
		assertThat(flag).as("the flag").isNotNull();
		assertThat(flag.text()).isEqualTo("Drug-screen follow-up open");
		assertThat(flag.selectFirst("a").attr("href")).isEqualTo("/residents/" + flagged + "/drug-screens");
		assertThat(page.selectFirst("tr[data-resident=" + clear + "] .census-flags").text()).isEmpty();
		assertThat(audited("director", clear, "DRUG_SCREENS", "CensusFlag"))
			.as("a resident checked without a flag is audited too").isEqualTo(checks + 1);

		UUID item = jdbc.sql("select id from screening_follow_up where resident_id = ? and status = 'OPEN'")
			.param(flagged).query(UUID.class).list().get(0);
		followUps.close(signIns.user("director"), item, "Met the resident; plan updated");
		Document after = page("/residents", signIns.as("director"));
		assertThat(after.selectFirst("tr[data-resident=" + flagged + "] .census-flags").text()).isEmpty();
	}

	@Test
	void staffSeeTheFlagOfTheDemoPositiveScreenInTheirHouseAndResidentsSeeNoCensus() throws Exception {
		UUID positive = jdbc.sql("""
				select distinct f.resident_id from screening_follow_up f
				  join residents_stay s on s.resident_id = f.resident_id and s.discharged_on is null
				  join residents_house h on h.id = s.house_id
				 where f.status = 'OPEN' and h.name = 'Bayview House'""").query(UUID.class).list().get(0);
		Document staff = page("/residents", signIns.as("staff"));
		assertThat(staff.selectFirst("tr[data-resident=" + positive + "] .census-flags").text())
			.isEqualTo("Drug-screen follow-up open");
		mvc.perform(get("/residents").with(signIns.as("resident01"))).andExpect(status().isForbidden());
	}

	@Test
	void theProfileShowsTheDrugScreenTabWithTheLatestScreensAndItsLinks() throws Exception {
		Fixture house = house(1);
		UUID resident = admit(house, 0, "Sam", "Screened", census.day(program()).minusDays(5));
		screens.record(signIns.user("director"), resident, new NewDrugScreen(clock.instant().minus(Duration.ofHours(1)),
				Specimen.BREATH, Panel.ALCOHOL, true, null, null, false,
				List.of(new SubstanceResult(Substance.ALCOHOL, SubstanceResult.Result.POSITIVE)), null));
		int reads = audited("director", resident, "DRUG_SCREENS", "DrugScreens");

		Document overview = page("/residents/" + resident, signIns.as("director"));
		assertThat(overview.select("nav.tabs a").eachText()).contains("Overview", "Stays", "Level", "Drug screens",
				"Whereabouts");
		assertThat(audited("director", resident, "DRUG_SCREENS", "DrugScreens")).as("offering a tab reads nothing")
			.isEqualTo(reads);

		Document tab = page("/residents/" + resident + "?tab=screens", signIns.as("director"));
		assertThat(tab.selectFirst("nav.tabs a[aria-current=page]").text()).isEqualTo("Drug screens");
		assertThat(tab.select("#profile-screens .outcome-badge.positive").eachText()).containsExactly("Positive");
		assertThat(tab.selectFirst("#screens-full").attr("href")).isEqualTo("/residents/" + resident + "/drug-screens");
		assertThat(tab.selectFirst("#record-screen").attr("href")).isEqualTo("/residents/" + resident + "/drug-screens/new");
		assertThat(audited("director", resident, "DRUG_SCREENS", "DrugScreens")).as("the read is audited")
			.isEqualTo(reads + 1);

		Document overviewEs = page("/residents/" + resident + "?tab=screens&lang=es", signIns.as("director"));
		assertThat(overviewEs.select("#profile-screens .outcome-badge").eachText()).containsExactly("Positivo");
	}

	@Test
	void theProfileShowsTheWhereaboutsTabWithPassesAndASignOutLinkWhileInTheHouse() throws Exception {
		Fixture house = house(1);
		UUID resident = admit(house, 0, "Wes", "Whereabouts", census.day(program()).minusDays(20));
		levels.assign(program(), resident, Level.STABILISATION, census.day(program()).minusDays(19), "director", "Stable");
		Document home = page("/residents/" + resident + "?tab=whereabouts", signIns.as("director"));
		assertThat(home.selectFirst("#whereabouts-now")).isNotNull();
		assertThat(home.selectFirst("#sign-out").attr("href")).isEqualTo("/residents/" + resident + "/passes/new");
		assertThat(home.selectFirst("#sign-out").attr("aria-label")).as("not the account's sign-out")
			.isEqualTo("Sign out Wes Whereabouts");
		assertThat(home.selectFirst("#profile-passes")).isNull();

		passes.signOut(signIns.user("director"), resident,
				new NewPass("Public library", "Job search", null, null, clock.instant().plus(Duration.ofHours(2)), true));
		int reads = audited("director", resident, "WHEREABOUTS", "Pass");
		Document out = page("/residents/" + resident + "?tab=whereabouts", signIns.as("director"));
		assertThat(out.selectFirst("#sign-out")).as("no sign-out while out").isNull();
		assertThat(out.selectFirst("#whereabouts-now")).isNull();
		Element row = out.selectFirst("#profile-passes tbody tr");
		assertThat(row.text()).contains("Public library", "Job search", "Out until");
		assertThat(audited("director", resident, "WHEREABOUTS", "Pass")).as("the read is audited").isEqualTo(reads + 1);
	}

	@Test
	void aResidentReadsTheirOwnWhereaboutsAndScreensTabsWithoutStaffLinks() throws Exception {
		UUID own = signIns.user("resident01").residentId();
		Document whereabouts = page("/residents/" + own + "?tab=whereabouts", signIns.as("resident01"));
		assertThat(whereabouts.selectFirst("#whereabouts-heading").text()).isEqualTo("Passes, latest first");
		assertThat(whereabouts.selectFirst("#sign-out")).isNull();
		Document screensTab = page("/residents/" + own + "?tab=screens", signIns.as("resident01"));
		assertThat(screensTab.selectFirst("#screens-heading")).isNotNull();
		assertThat(screensTab.selectFirst("#record-screen")).isNull();
		UUID other = signIns.user("resident02").residentId();
		mvc.perform(get("/residents/" + other).param("tab", "whereabouts").with(signIns.as("resident01")))
			.andExpect(status().isForbidden());
	}

	record Fixture(UUID id, String name) {
	}

	private Fixture house(int beds) {
		String name = "Board " + UUID.randomUUID().toString().substring(0, 8);
		return new Fixture(houses.found(program(), new HouseDetails(name, HouseKind.MIXED, null), beds).id(), name);
	}

	private UUID admit(Fixture house, int bed, String given, String family, LocalDate admittedOn) {
		UUID id = UUID.randomUUID();
		admissions.admit(program(), id, new NewAdmission(given, family, null, LocalDate.of(1988, 3, 9),
				houses.beds(program(), house.id()).get(bed).id(), admittedOn, NewAdmission.Details.NONE));
		return id;
	}

	private ProgramId program() {
		return signIns.user("director").programId();
	}

	private Document page(String path, RequestPostProcessor who) throws Exception {
		String html = mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private static Element section(Document page, String houseName) {
		return page.select("section.census-house").stream()
			.filter(s -> s.selectFirst("h2 > span").text().equals(houseName))
			.findFirst().orElseThrow(() -> new AssertionError("no section for " + houseName));
	}

	private int audited(String username, UUID resident, String category, String resourceType) {
		return jdbc.sql("""
				select count(*) from audit_record
				 where action = 'READ' and username = ? and resident_id = ? and ? = any(categories) and ? = any(resource_types)""")
			.params(username, resident, category, resourceType).query(Integer.class).single();
	}
}
