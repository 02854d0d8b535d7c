package org.milieu.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.groups.GroupFixtures;
import org.milieu.groups.GroupRules;
import org.milieu.groups.Grouping;
import org.milieu.groups.Groupings;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Scheduling sessions with the real database: a weekly group for a house expands into its
 * occurrences, a cancelled occurrence stays marked, a moved one stands at its new time, the house's
 * residents are expected, and what is refused changes nothing.
 */
@MilieuWebTest
class SessionsTests {

	/** Each test books weeks of its own: the same clinician at the same time twice is a refused double booking. */
	private static final java.util.concurrent.atomic.AtomicInteger WEEKS = new java.util.concurrent.atomic.AtomicInteger();

	private LocalDate MONDAY;

	@Autowired
	Sessions sessions;

	@Autowired
	SessionTypes types;

	@Autowired
	Occurrences occurrences;

	@Autowired
	ExpectedAttendees expected;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Census census;

	@Autowired
	GroupFixtures groupFixtures;

	@Autowired
	GroupRules groupRules;

	@Autowired
	Groupings groupings;

	MilieuUser clinician;

	UUID bayview;

	UUID psychoEducation;

	@BeforeEach
	void theClinicianAndBayviewHouse() {
		clinician = signIns.user("clinician");
		MONDAY = LocalDate.of(2027, 3, 1).plusWeeks(WEEKS.getAndAdd(6));
		bayview = jdbc.sql("select id from residents_house where name like 'Bayview%'").query(UUID.class).single();
		psychoEducation = types.all(clinician.programId()).stream().filter(t -> "PSYCHO_EDUCATION".equals(t.code()))
			.findFirst().orElseThrow().id();
	}

	private NewSession weeklyForBayview(String rule) {
		return new NewSession(psychoEducation, "Coping with cravings", bayview, "Group room", MONDAY, LocalTime.of(10, 0), null,
				rule, AttendeeKind.HOUSE, bayview, null, null, null);
	}

	@Test
	void theProgramHoldsTheSixTechniquesOfTheModelByDefault() {
		assertThat(types.all(clinician.programId())).extracting(SessionType::code).containsSubsequence(SessionTypes.TECHNIQUES);
		SessionType family = types.all(clinician.programId()).stream().filter(t -> "FAMILY_COUNSELLING".equals(t.code()))
			.findFirst().orElseThrow();
		assertThat(family.family()).isTrue();
	}

	@Test
	void theDemoCommunityHoldsItsWeeklySessionsInEachHouse() {
		LocalDate today = census.day(clinician.programId());
		List<Occurrence> week = occurrences.ofHouse(clinician.programId(), bayview, today, today.plusDays(6));
		assertThat(week).extracting(Occurrence::title).contains("Community support", "Coping with cravings",
				"Saying no and asking for help");
		assertThat(week).filteredOn(o -> o.title().equals("Coping with cravings")).singleElement()
			.satisfies(o -> assertThat(o.start().toLocalTime()).isEqualTo(LocalTime.of(17, 0)));
	}

	@Test
	void aWeeklyGroupExpandsIntoItsOccurrencesWithTheKindsDuration() {
		Session session = sessions.schedule(clinician, weeklyForBayview("FREQ=WEEKLY;BYDAY=MO;COUNT=4"));

		assertThat(session.lastOn()).isEqualTo(MONDAY.plusWeeks(3));
		assertThat(session.facilitators()).extracting(Facilitator::accountId).containsExactly(clinician.accountId());
		List<Occurrence> mine = occurrences.ofFacilitator(clinician.programId(), clinician.accountId(), MONDAY, MONDAY.plusWeeks(6))
			.stream().filter(o -> o.sessionId().equals(session.id())).toList();
		assertThat(mine).extracting(Occurrence::occursOn).containsExactly(MONDAY, MONDAY.plusWeeks(1), MONDAY.plusWeeks(2),
				MONDAY.plusWeeks(3));
		assertThat(mine.get(0).end()).isEqualTo(MONDAY.atTime(11, 0));
		assertThat(occurrences.ofHouse(clinician.programId(), bayview, MONDAY, MONDAY)).extracting(Occurrence::sessionId)
			.contains(session.id());
	}

	@Test
	void aCancelledOccurrenceStaysMarkedAndAMovedOneStandsAtItsNewTime() {
		Session session = sessions.schedule(clinician, weeklyForBayview("FREQ=WEEKLY;BYDAY=MO;COUNT=3"));
		sessions.cancelOccurrence(clinician, session.id(), MONDAY.plusWeeks(1), "Outing of the whole house");
		sessions.moveOccurrence(clinician, session.id(), MONDAY.plusWeeks(2), MONDAY.plusWeeks(2).plusDays(1), LocalTime.of(14, 0),
				"Library", null);

		List<Occurrence> all = occurrences.between(clinician.programId(), MONDAY, MONDAY.plusWeeks(3)).stream()
			.filter(o -> o.sessionId().equals(session.id())).toList();
		assertThat(all).extracting(Occurrence::cancelled).containsExactly(false, true, false);
		Occurrence moved = all.get(2);
		assertThat(moved.occursOn()).isEqualTo(MONDAY.plusWeeks(2));
		assertThat(moved.start()).isEqualTo(MONDAY.plusWeeks(2).plusDays(1).atTime(14, 0));
		assertThat(moved.room()).isEqualTo("Library");
	}

	@Test
	void theHousesResidentsAreExpectedAndNamedResidentsAreExpectedByName() {
		Session house = sessions.schedule(clinician, weeklyForBayview(null));
		List<UUID> staying = jdbc.sql("select resident_id from residents_stay where house_id = ? and discharged_on is null")
			.param(bayview).query(UUID.class).list();
		assertThat(expected.residents(clinician.programId(), house.id(), MONDAY)).containsAll(staying);

		UUID one = staying.get(0);
		Session named = sessions.schedule(clinician, new NewSession(psychoEducation, "", bayview, null, MONDAY,
				LocalTime.of(15, 0), 30, null, AttendeeKind.RESIDENTS, null, null, List.of(one), null));
		assertThat(expected.residents(clinician.programId(), named.id(), MONDAY)).containsExactly(one);
		assertThat(occurrences.ofResident(clinician.programId(), one, MONDAY, MONDAY)).extracting(Occurrence::sessionId)
			.contains(named.id(), house.id());
	}

	@Test
	void aSessionForASmallGroupExpectsTheMembersOfItsApprovedGrouping() {
		MilieuUser director = signIns.user("director");
		GroupFixtures.TestHouse house = groupFixtures.aHouseWithResidentsAtLevels(1, 1, 2, 2, 3, 3, 4, 4);
		groupRules.set(director, house.id(), 2, 3, 6, 1);
		Grouping approved = groupings.approve(director, house.id(), groupings.propose(director, house.id()).id());
		Grouping.Group first = approved.groups().get(0);
		LocalDate day = approved.startsOn().plusDays(1);

		Session session = sessions.schedule(director, new NewSession(psychoEducation, "Structured group", null, null, day,
				LocalTime.of(11, 0), null, "FREQ=WEEKLY;COUNT=2", AttendeeKind.GROUP, null, first.id(), null,
				List.of(clinician.accountId())));

		assertThat(session.houseId()).isEqualTo(house.id());
		assertThat(expected.residents(director.programId(), session.id(), day))
			.containsExactlyInAnyOrderElementsOf(first.members().stream().map(Grouping.Member::residentId).toList());
		assertThat(occurrences.ofResident(director.programId(), first.members().get(0).residentId(), day, day))
			.extracting(Occurrence::sessionId).containsExactly(session.id());
		UUID member = first.members().get(0).residentId();
		assertThatThrownBy(() -> sessions.schedule(director, new NewSession(psychoEducation, "One to one", house.id(), null,
				day.plusWeeks(1), LocalTime.of(11, 30), 30, null, AttendeeKind.RESIDENTS, null, null, List.of(member),
				List.of(signIns.user("clinician2").accountId()))))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("session.conflict.resident"));
		assertThatThrownBy(() -> sessions.schedule(director, new NewSession(psychoEducation, null, null, null, day,
				LocalTime.of(11, 0), null, null, AttendeeKind.GROUP, null, UUID.randomUUID(), null, null)))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("attendeeGroupId"));
	}

	@Test
	void aRuleThatIsNotASessionsIsRefusedAndNothingIsStored() {
		int before = count();
		assertThatThrownBy(() -> sessions.schedule(clinician, weeklyForBayview("FREQ=MINUTELY")))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("rrule"));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aFacilitatorWithoutARoleTheKindAllowsIsRefusedByName() {
		MilieuUser staff = signIns.user("staff");
		int before = count();
		assertThatThrownBy(() -> sessions.schedule(clinician, new NewSession(psychoEducation, null, bayview, null, MONDAY,
				LocalTime.of(9, 0), null, null, AttendeeKind.HOUSE, bayview, null, null, List.of(staff.accountId()))))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("session.facilitator.role");
				assertThat(v.arguments()).containsExactly(staff.displayName());
			});
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void staffOfAnotherHouseMayNotScheduleForThisOne() {
		MilieuUser linden = signIns.user("staff2");
		int before = count();
		assertThatThrownBy(() -> sessions.schedule(linden, new NewSession(types.all(linden.programId()).stream()
			.filter(t -> "COMMUNITY_SUPPORT".equals(t.code())).findFirst().orElseThrow().id(), null, bayview, null, MONDAY,
				LocalTime.of(9, 0), null, null, AttendeeKind.HOUSE, bayview, null, null, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void residentsDoNotScheduleSessions() {
		MilieuUser resident = signIns.user("resident05");
		assertThatThrownBy(() -> sessions.schedule(resident, weeklyForBayview(null))).isInstanceOf(AccessDeniedException.class);
	}

	private int count() {
		return jdbc.sql("select count(*) from sessions_session").query(Integer.class).single();
	}
}
