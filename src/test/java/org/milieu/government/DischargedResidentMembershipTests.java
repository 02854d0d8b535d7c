package org.milieu.government;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.residents.Admissions;
import org.milieu.residents.Census;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.NewDischarge;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Only residents living in a house take part in its meetings: a discharged resident neither moves motions nor votes. */
@MilieuWebTest
class DischargedResidentMembershipTests {

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Accounts accounts;

	@Autowired
	Houses houses;

	@Autowired
	Admissions admissions;

	@Autowired
	Discharges discharges;

	@Autowired
	Census census;

	@Autowired
	Meetings meetings;

	@Autowired
	Motions motions;

	@Autowired
	Ballots ballots;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Test
	void aDischargedResidentIsRefusedAMotionAndABallot() {
		MilieuUser director = signIns.user("director");
		ProgramId program = director.programId();
		LocalDate today = census.day(program);
		UUID house = houses.found(program,
				new HouseDetails("Membership " + UUID.randomUUID().toString().substring(0, 8), HouseKind.MIXED, null), 1).id();
		UUID id = UUID.randomUUID();
		admissions.admit(program, id, new NewAdmission("Ari", "Leaving", null, LocalDate.of(1990, 2, 2),
				houses.beds(program, house).get(0).id(), today.minusDays(10)));
		String username = "leaving-" + id.toString().substring(0, 8);
		accounts.open(new NewAccount(program, username, "Ari Leaving", "a long and careful passphrase 42", Set.of(Role.RESIDENT), id));
		MilieuUser resident = signIns.user(username);
		UUID meeting = meetings.schedule(director, new ScheduleMeeting(house, MeetingKind.AD_HOC, "House meeting",
				clock.instant().plus(Duration.ofDays(2)))).id();
		MoveMotion motion = new MoveMotion(MotionKind.ORDINARY, "Quiet hours from ten", false, null, null, null, null, null, null);

		// a member: the motion waits for the meeting to open, not for the resident to belong
		assertThatThrownBy(() -> motions.move(resident, meeting, motion)).isInstanceOf(RuleViolation.class);

		discharges.discharge(program, id, new NewDischarge(today, DischargeType.COMPLETED, null, null), "director");

		assertThatThrownBy(() -> motions.move(resident, meeting, motion)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("lives in no house");
		UUID anyMotion = jdbc.sql("select id from government_motion where program_id = ? limit 1").param(program.value())
			.query(UUID.class).single();
		assertThatThrownBy(() -> ballots.cast(resident, anyMotion, Choice.YES, null)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("lives in no house");
		assertThat(jdbc.sql("select count(*) from government_motion where meeting_id = ?").param(meeting).query(Integer.class)
			.single()).isZero();
	}
}
