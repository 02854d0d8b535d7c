package org.milieu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MilieuWebTest
class DemoCommunityTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void harborHouseHasTwoFullHousesOf16Beds() {
		assertThat(jdbc.sql("""
				select h.name, h.kind, count(b.id) from residents_house h join residents_bed b on b.house_id = h.id
				 where h.name in ('Bayview House', 'Linden House') group by h.name, h.kind order by h.name""")
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3)).list())
			.containsExactly("Bayview House/MEN/16", "Linden House/WOMEN/16");
		assertThat(jdbc.sql("""
				select count(*) from residents_stay s join residents_house h on h.id = s.house_id
				 where s.discharged_on is null and h.name in ('Bayview House', 'Linden House')""").query(Integer.class).single())
			.isEqualTo(32);
	}

	@Test
	void twoFormerResidentsWereDischargedWithCompleteAftercarePlans() {
		assertThat(jdbc.sql("""
				select r.given_name || ' ' || r.family_name || ':' || s.discharge_type from residents_stay s
				  join residents_resident r on r.id = s.resident_id
				  join residents_aftercare_plan a on a.stay_id = s.id
				  join residents_house h on h.id = s.house_id and h.name in ('Bayview House', 'Linden House')
				 where s.discharged_on is not null and s.discharge_reason is not null and a.living_arrangement is not null
				   and a.outpatient_appointments is not null and a.support_meetings is not null and a.contacts is not null
				   and a.relapse_prevention is not null
				 order by r.family_name""").query(String.class).list())
			.containsExactly("Terrence Hale:COMPLETED", "Yvette Marsh:AGAINST_ADVICE");
		assertThat(jdbc.sql("""
				select count(*) from levels_assignment a join residents_resident r on r.id = a.resident_id
				 where r.family_name in ('Hale', 'Marsh')""").query(Integer.class).single())
			.as("former residents keep the level history of their stay").isGreaterThanOrEqualTo(4);
	}

	@Test
	void residentsAreSpreadOverAllFourLevels() {
		List<Integer> perLevel = jdbc.sql("""
				select level, count(*) from (
				  select distinct on (a.resident_id) a.resident_id, a.level from levels_assignment a
				    join residents_stay s on s.resident_id = a.resident_id and s.discharged_on is null
				    join residents_house h on h.id = s.house_id and h.name in ('Bayview House', 'Linden House')
				   order by a.resident_id, a.effective_on desc, a.recorded_at desc) current
				 group by level order by level""")
			.query((rs, n) -> rs.getInt(2)).list();
		assertThat(perLevel).hasSize(4).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(2));
		assertThat(perLevel.stream().mapToInt(Integer::intValue).sum()).isEqualTo(32);
	}

	@Test
	void levelHistoriesReachBackWeeks() {
		int promotions = jdbc.sql("select count(*) from levels_assignment where level > 1 and decided_by <> 'system'")
			.query(Integer.class).single();
		assertThat(promotions).isGreaterThan(20);
	}

	@Test
	void everyRoleHasADemoSignInAndResidentIsResident01() {
		assertThat(jdbc.sql("""
				select a.username || ':' || r.role from identity_account a join identity_account_role r on r.account_id = a.id
				 where a.username in ('director', 'clinician', 'staff', 'family', 'resident01', 'resident32')
				 order by a.username""").query(String.class).list())
			.containsExactly("clinician:CLINICIAN", "director:ADMIN", "family:FAMILY", "resident01:RESIDENT",
					"resident32:RESIDENT", "staff:STAFF");
		List<UUID> linked = jdbc.sql("select resident_id from identity_account where username in ('resident', 'resident01')")
			.query(UUID.class).list();
		assertThat(linked).hasSize(2).doesNotContainNull();
		assertThat(linked.get(0)).isEqualTo(linked.get(1));
	}

	@Test
	void identifiersAreDerivedFromNamesSoEveryMachineGetsTheSameCommunity() {
		UUID resident07 = jdbc.sql("select resident_id from identity_account where username = 'resident07'")
			.query(UUID.class).single();
		DemoCommunity community = new DemoCommunity(new Program(DemoCommunitySeeder.HARBOR_HOUSE, "Harbor House",
				java.time.ZoneId.of("UTC")), java.time.LocalDate.of(2026, 1, 1));
		assertThat(resident07).isEqualTo(community.id("resident", "resident07"));
		assertThat(community.id("resident", "resident07")).isNotEqualTo(community.id("resident", "resident08"));
	}
}
