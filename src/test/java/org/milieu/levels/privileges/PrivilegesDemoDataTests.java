package org.milieu.levels.privileges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.shared.ProgramId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo community's privileges: the default catalogue, one restriction and one grant in
 * force, an ended restriction, and every resident the demo shows on a pass eligible for it.
 */
@MilieuWebTest
class PrivilegesDemoDataTests {

	@Autowired
	LevelPrivileges privileges;

	@Autowired
	PrivilegeCatalogue catalogue;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void theDemoProgramHasTheDefaultCatalogue() {
		assertThat(catalogue.list(program())).extracting(Privilege::code).contains("PHONE_TIME", "VISITS", "OFF_SITE_PASS",
				"UNSUPERVISED_VISITS", "SENIOR_JOBS", "GOVERNMENT_OFFICE", "WORK_COORDINATOR", "MENTOR_ROLE");
	}

	@Test
	void samsPhoneTimeIsRestrictedAndJasIsGrantedAPassBelowHerLevel() {
		Answer phone = privileges.may(program(), resident("resident09"), "PHONE_TIME", clock.instant());
		assertThat(phone.allowed()).isFalse();
		assertThat(phone.basis()).isEqualTo(Answer.Basis.RESTRICTION);
		Answer pass = privileges.may(program(), resident("resident20"), "OFF_SITE_PASS", clock.instant());
		assertThat(pass.allowed()).isTrue();
		assertThat(pass.basis()).isEqualTo(Answer.Basis.GRANT);
		assertThat(jdbc.sql("select count(*) from levels_privilege_adjustment where resident_id = ? and ended_at is not null")
			.param(resident("resident03")).query(Integer.class).single()).as("an ended restriction, kept").isEqualTo(1);
	}

	@Test
	void everyResidentTheDemoShowsOnAPassMayGoOut() {
		List<UUID> withPasses = jdbc.sql("""
				select distinct p.resident_id from residents_pass p join residents_stay s on s.id = p.stay_id
				 where s.discharged_on is null and p.approved_by in ('staff', 'staff2')""").query(UUID.class).list();
		assertThat(withPasses).hasSizeGreaterThanOrEqualTo(8);
		assertThat(withPasses).allSatisfy(resident -> assertThat(
				privileges.may(program(), resident, "OFF_SITE_PASS", clock.instant()).allowed()).isTrue());
	}

	private ProgramId program() {
		return signIns.user("director").programId();
	}

	private UUID resident(String username) {
		return signIns.user(username).residentId();
	}
}
