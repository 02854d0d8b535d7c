package org.milieu.residents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.residents.Admissions;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.NewDischarge;
import org.milieu.residents.occupancy.CensusSnapshots;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@MilieuWebTest
class OccupancyWebTests {

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
	CensusSnapshots snapshots;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDaysSnapshotCountsBedsResidentsAdmissionsAndDischargesAndTheReportExportsItAsCsv() throws Exception {
		ProgramId program = signIns.user("director").programId();
		String name = "Occupancy " + UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program, new HouseDetails(name, HouseKind.MIXED, null), 4).id();
		UUID first = UUID.randomUUID();
		admissions.admit(program, first, new NewAdmission("Occ", "One", null, LocalDate.of(1990, 1, 1),
				houses.beds(program, house).get(0).id(), LocalDate.of(2026, 3, 1)));
		admissions.admit(program, UUID.randomUUID(), new NewAdmission("Occ", "Two", null, LocalDate.of(1991, 1, 1),
				houses.beds(program, house).get(1).id(), LocalDate.of(2026, 3, 10)));
		discharges.discharge(signIns.user("director"), first,
				new NewDischarge(LocalDate.of(2026, 3, 10), DischargeType.COMPLETED, null, null));

		snapshots.take(program, LocalDate.of(2026, 3, 9));
		snapshots.take(program, LocalDate.of(2026, 3, 10));
		snapshots.take(program, LocalDate.of(2026, 3, 10));
		assertThat(jdbc.sql("select count(*) from residents_census_snapshot where house_id = ?").param(house)
			.query(Integer.class).single()).as("a snapshot taken twice is one row").isEqualTo(2);

		String row = "$[?(@.houseId == '" + house + "' && @.date == '2026-03-10')]";
		mvc.perform(get("/api/v1/occupancy?from=2026-03-09&to=2026-03-10").with(signIns.as("staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath(row + ".beds").value(hasItem(4)))
			.andExpect(jsonPath(row + ".occupied").value(hasItem(1)))
			.andExpect(jsonPath(row + ".admissions").value(hasItem(1)))
			.andExpect(jsonPath(row + ".discharges").value(hasItem(1)))
			.andExpect(jsonPath("$[?(@.houseId == '" + house + "' && @.date == '2026-03-09')].occupied").value(hasItem(1)));

		mvc.perform(get("/residents/occupancy.csv?from=2026-03-09&to=2026-03-10").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(containsString("date,house,beds,occupied,occupancy_percent,admissions,discharges")))
			.andExpect(content().string(containsString("2026-03-10," + name + ",4,1,25.0,1,1")));
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'EXPORT' and 'OccupancyReport' = any(resource_types) and detail = '2026-03-09..2026-03-10'")
			.query(Integer.class).single()).as("the export is audited").isGreaterThanOrEqualTo(1);

		mvc.perform(get("/residents/occupancy?from=2026-03-09&to=2026-03-10").with(signIns.as("clinician")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
	}

	@Test
	void aBackwardOrOverlongPeriodIsRefusedNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/occupancy?from=2026-03-10&to=2026-03-01").with(signIns.as("director")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/api/v1/occupancy?from=2024-01-01&to=2026-03-01").with(signIns.as("director")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("366")));
		mvc.perform(get("/residents/occupancy?from=2026-03-10&to=2026-03-01").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cannot be before its start")));
		mvc.perform(get("/api/v1/occupancy?from=2026-03-10&to=2026-03-01").with(signIns.as("resident01")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCensusShowsEachHousesStaffOnShiftAgainstItsMinimum() throws Exception {
		mvc.perform(get("/residents").with(signIns.as("director")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("residents per staff member")))
			.andExpect(content().string(containsString("Point sheet for this shift")))
			.andExpect(content().string(containsString("/rounds\">Observation rounds</a>")))
			.andExpect(content().string(containsString("Occupancy report")));
	}
}
