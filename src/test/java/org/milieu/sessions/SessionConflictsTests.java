package org.milieu.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.government.MeetingKind;
import org.milieu.government.Meetings;
import org.milieu.government.ScheduleMeeting;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.RuleViolation;
import org.milieu.work.Rosters;
import org.milieu.work.WorkShifts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Double bookings refused, with the real database: a facilitator, a room or a resident at two
 * sessions at once, a resident's work shift, a community meeting of their house; a series is checked
 * over its weeks, a move too; each refusal names who or what and when, and stores nothing.
 */
@MilieuWebTest
class SessionConflictsTests {

	/** Each test books weeks of its own, far from the other test classes' dates. */
	private static final AtomicInteger WEEKS = new AtomicInteger();

	@Autowired
	Sessions sessions;

	@Autowired
	SessionTypes types;

	@Autowired
	Occurrences occurrences;

	@Autowired
	Census census;

	@Autowired
	WorkShifts shifts;

	@Autowired
	Meetings meetings;

	@Autowired
	Programs programs;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	MilieuUser clinician;

	MilieuUser clinician2;

	UUID bayview;

	UUID psychoEducation;

	LocalDate monday;

	@BeforeEach
	void theCliniciansAndBayviewHouse() {
		clinician = signIns.user("clinician");
		clinician2 = signIns.user("clinician2");
		bayview = jdbc.sql("select id from residents_house where name like 'Bayview%'").query(UUID.class).single();
		psychoEducation = types.all(clinician.programId()).stream().filter(t -> "PSYCHO_EDUCATION".equals(t.code()))
			.findFirst().orElseThrow().id();
		monday = LocalDate.of(2029, 1, 1).plusWeeks(WEEKS.getAndAdd(8));
	}

	private NewSession forBayview(String title, String room, LocalDate on, LocalTime at, String rule, UUID facilitator) {
		return new NewSession(psychoEducation, title, bayview, room, on, at, 60, rule, AttendeeKind.HOUSE, bayview, null, null,
				facilitator == null ? null : List.of(facilitator));
	}

	private NewSession forOne(UUID resident, LocalDate on, LocalTime at, int minutes, UUID facilitator) {
		return new NewSession(psychoEducation, "One to one", bayview, null, on, at, minutes, null, AttendeeKind.RESIDENTS, null,
				null, List.of(resident), List.of(facilitator));
	}

	private UUID aBayviewResident() {
		return census.today(clinician.programId()).stream().filter(e -> bayview.equals(e.houseId())).findFirst().orElseThrow()
			.residentId();
	}

	@Test
	void aFacilitatorBookedTwiceAtOnceIsRefusedByNameAndTime() {
		sessions.schedule(clinician, forBayview("Coping with cravings", "Group room", monday, LocalTime.of(10, 0), null, null));
		int before = count();

		assertThatThrownBy(() -> sessions.schedule(clinician, forOne(aBayviewResident(), monday, LocalTime.of(10, 30), 30,
				clinician.accountId())))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("session.conflict.facilitator");
				assertThat(v.field()).isEqualTo("facilitators");
				assertThat(v.arguments()).containsExactly(clinician.displayName(), "Coping with cravings", monday.toString(),
						"10:00");
			});
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aRoomBookedTwiceAtOnceIsRefused() {
		sessions.schedule(clinician, forBayview("Relapse prevention", "Art room", monday, LocalTime.of(14, 0), null, null));
		NewSession other = new NewSession(psychoEducation, "Budgeting", bayview, "art room ", monday, LocalTime.of(14, 45), 60,
				null, AttendeeKind.RESIDENTS, null, null, List.of(aBayviewResident()), List.of(clinician2.accountId()));
		int before = count();

		assertThatThrownBy(() -> sessions.schedule(clinician, other)).isInstanceOfSatisfying(RuleViolation.class, v -> {
			assertThat(v.code()).isEqualTo("session.conflict.room");
			assertThat(v.arguments()).containsExactly("Art room", "Relapse prevention", monday.toString(), "14:00");
		});
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aResidentExpectedAtTwoSessionsIsRefusedEvenInALaterWeekOfTheSeries() {
		UUID resident = aBayviewResident();
		String name = census.find(clinician.programId(), resident).map(CensusEntry::displayName).orElseThrow();
		LocalDate thirdWeek = monday.plusWeeks(2);
		sessions.schedule(clinician, forOne(resident, thirdWeek, LocalTime.of(9, 30), 60, clinician2.accountId()));
		int before = count();

		assertThatThrownBy(() -> sessions.schedule(clinician,
				forBayview("Morning group", null, monday, LocalTime.of(9, 0), "FREQ=WEEKLY;BYDAY=MO;COUNT=6", null)))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("session.conflict.resident");
				assertThat(v.field()).isEqualTo("startsAt");
				assertThat(v.arguments()).containsExactly(name, "One to one", thirdWeek.toString(), "09:30");
			});
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void touchingEndsAndCancelledOccurrencesAreNoConflict() {
		Session first = sessions.schedule(clinician,
				forBayview("Early group", "Group room", monday, LocalTime.of(8, 0), "FREQ=WEEKLY;BYDAY=MO;COUNT=2", null));
		sessions.cancelOccurrence(clinician, first.id(), monday.plusWeeks(1), "Outing");

		Session next = sessions.schedule(clinician, forBayview("Late group", "Group room", monday, LocalTime.of(9, 0), null, null));
		Session overCancelled = sessions.schedule(clinician,
				forBayview("Instead", "Group room", monday.plusWeeks(1), LocalTime.of(8, 0), null, null));

		assertThat(occurrences.ofHouse(clinician.programId(), bayview, monday, monday.plusWeeks(1)))
			.extracting(Occurrence::sessionId).contains(next.id(), overCancelled.id());
	}

	@Test
	void aResidentsWorkShiftIsRefusedWithTheJob() {
		LocalDate today = census.day(clinician.programId());
		List<UUID> residents = census.today(clinician.programId()).stream().filter(e -> bayview.equals(e.houseId()))
			.map(CensusEntry::residentId).toList();
		var shift = shifts.published(clinician.programId(), residents, Rosters.weekOf(today), Rosters.weekOf(today).plusDays(6))
			.stream().filter(s -> s.startsAt().isAfter(LocalTime.of(7, 59)) && s.startsAt().isBefore(LocalTime.of(17, 0)))
			.findFirst().orElseThrow();
		String name = census.find(clinician.programId(), shift.residentId()).map(CensusEntry::displayName).orElseThrow();
		int before = count();

		assertThatThrownBy(() -> sessions.schedule(clinician,
				forOne(shift.residentId(), shift.day(), shift.startsAt().plusMinutes(10), 20, clinician.accountId())))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("session.conflict.work");
				assertThat(v.arguments()).containsExactly(name, shift.jobName(), shift.day().toString(),
						shift.startsAt().toString());
			});
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aCommunityMeetingOfTheResidentsHouseIsRefusedWithItsTitle() {
		LocalDate thursday = monday.plusDays(3);
		var zone = programs.timeZone(clinician.programId());
		meetings.schedule(signIns.user("staff"), new ScheduleMeeting(bayview, MeetingKind.AD_HOC, "House vote on chores",
				thursday.atTime(17, 0).atZone(zone).toInstant()));
		int before = count();

		assertThatThrownBy(() -> sessions.schedule(clinician,
				forBayview("Evening group", null, thursday, LocalTime.of(16, 30), null, null)))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("session.conflict.meeting");
				assertThat(v.arguments()[1]).isEqualTo("House vote on chores");
				assertThat(v.arguments()[2]).isEqualTo(thursday.toString());
				assertThat(v.arguments()[3]).isEqualTo("17:00");
			});
		assertThat(count()).isEqualTo(before);
		// after the meeting's assumed length the house is free again
		sessions.schedule(clinician, forBayview("Evening group", null, thursday,
				LocalTime.of(17, 0).plusMinutes(SessionConflicts.MEETING_MINUTES), null, null));
	}

	@Test
	void anEveningMeetingIsFoundOnTheProgramsDayNotOnTheNextUtcDay() {
		// 19:30 in Chicago is 01:30 the next day in UTC: the meeting must still be found on its own day
		LocalDate wednesday = monday.plusDays(2);
		var zone = programs.timeZone(clinician.programId());
		meetings.schedule(signIns.user("staff"), new ScheduleMeeting(bayview, MeetingKind.AD_HOC, "Evening house meeting",
				wednesday.atTime(19, 30).atZone(zone).toInstant()));
		int before = count();

		assertThatThrownBy(() -> sessions.schedule(clinician,
				forBayview("Late group", null, wednesday, LocalTime.of(19, 0), null, null)))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("session.conflict.meeting");
				assertThat(v.arguments()).containsSubsequence("Evening house meeting", wednesday.toString(), "19:30");
			});
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void movingAnOccurrenceOntoAnotherBookingIsRefusedAndTheOccurrenceStays() {
		Session monday10 = sessions.schedule(clinician, forBayview("Monday group", "Group room", monday, LocalTime.of(10, 0), null, null));
		Session tuesday = sessions.schedule(clinician,
				forOne(aBayviewResident(), monday.plusDays(1), LocalTime.of(10, 0), 30, clinician.accountId()));

		assertThatThrownBy(() -> sessions.moveOccurrence(clinician, tuesday.id(), monday.plusDays(1), monday,
				LocalTime.of(10, 15), null, "Swap days"))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("session.conflict.facilitator"));
		assertThat(sessions.find(clinician.programId(), tuesday.id()).exceptions()).isEmpty();

		// moving an occurrence within its own time is no conflict with itself
		sessions.moveOccurrence(clinician, monday10.id(), monday, monday, LocalTime.of(10, 30), null, "Later start");
		assertThat(sessions.find(clinician.programId(), monday10.id()).exceptions()).hasSize(1);
	}

	@Test
	void twoBookingsOfTheSameRoomAtTheSameInstantStoreOneAndRefuseTheOther() throws Exception {
		LocalDate wednesday = monday.plusDays(2);
		List<UUID> two = census.today(clinician.programId()).stream().filter(e -> bayview.equals(e.houseId()))
			.map(CensusEntry::residentId).limit(2).toList();
		// different residents and facilitators: only the room is booked twice
		NewSession budgeting = new NewSession(psychoEducation, "Budgeting", bayview, "Quiet room", wednesday,
				LocalTime.of(11, 0), 60, null, AttendeeKind.RESIDENTS, null, null, List.of(two.get(0)),
				List.of(clinician.accountId()));
		NewSession sleep = new NewSession(psychoEducation, "Sleep hygiene", bayview, "Quiet room", wednesday,
				LocalTime.of(11, 0), 60, null, AttendeeKind.RESIDENTS, null, null, List.of(two.get(1)),
				List.of(clinician2.accountId()));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Session>> booked = List.of(budgeting, sleep).stream().map(booking -> pool.submit(() -> {
				start.await();
				return sessions.schedule(clinician, booking);
			})).toList();
			start.countDown();
			List<Session> stored = new java.util.ArrayList<>();
			List<Throwable> refused = new java.util.ArrayList<>();
			for (Future<Session> f : booked) {
				try {
					stored.add(f.get(60, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					refused.add(ex.getCause());
				}
			}

			assertThat(stored).hasSize(1);
			assertThat(refused).singleElement().isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("session.conflict.room");
				assertThat(v.arguments()).containsExactly("Quiet room", stored.get(0).title(), wednesday.toString(), "11:00");
			});
			assertThat(jdbc.sql("select count(*) from sessions_session where room = 'Quiet room' and first_on = ?")
				.param(wednesday).query(Integer.class).single()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int count() {
		return jdbc.sql("select count(*) from sessions_session").query(Integer.class).single();
	}
}
