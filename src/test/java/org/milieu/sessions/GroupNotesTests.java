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
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.ReviewFixtures;
import org.milieu.residents.Census;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.signatures.Signatures;
import org.milieu.signatures.Verification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Group notes with the real database: the shared part once and an entry for every resident who
 * attended, copying refused naming both residents, signing refused until every attendee has an entry,
 * a signed note immutable with addenda, late when signed a day after the session, and the resident's
 * signed entries readable for their record; nothing written before the occurrence has begun (at its
 * moved time when moved). The roll call is set up by {@link GroupNoteFixtures}. Held sessions are on
 * days of 2025 of this class's own, at 10:00; one is today from midnight.
 */
@MilieuWebTest
class GroupNotesTests {

	@Autowired
	GroupNotes notes;

	@Autowired
	GroupNoteFixtures fixtures;

	@Autowired
	ReviewFixtures reviews;

	@Autowired
	Signatures signatures;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Census census;

	@Autowired
	Sessions sessions;

	MilieuUser clinician;

	@BeforeEach
	void theClinician() {
		clinician = signIns.user("clinician");
	}

	private static GroupNotes.EntryDraft entry(String participation, String observation) {
		return new GroupNotes.EntryDraft(participation, List.of(), observation);
	}

	/** A complete entry: with progress on the first objective when the resident's plan in force has one. */
	private GroupNote write(GroupNoteFixtures.Held held, UUID resident, String participation, String observation) {
		GroupNote note = notes.note(clinician, held.sessionId(), held.on());
		List<GroupNotes.ProgressDraft> progress = attendee(note, resident).objectives().stream().limit(1)
			.map(o -> new GroupNotes.ProgressDraft(o.id(), "PROGRESSING")).toList();
		return notes.writeEntry(clinician, held.sessionId(), held.on(), resident,
				new GroupNotes.EntryDraft(participation, progress, observation));
	}

	private LocalDate today() {
		return census.day(clinician.programId());
	}

	private int notesOf(UUID sessionId) {
		return jdbc.sql("select count(*) from sessions_note where session_id = ?").param(sessionId).query(Integer.class)
			.single();
	}

	private GroupNote.Attendee attendee(GroupNote note, UUID resident) {
		return note.attendees().stream().filter(a -> a.residentId().equals(resident)).findFirst().orElseThrow();
	}

	@Test
	void theNoteListsThoseWhoAttendedOnceEachAndNotTheAbsent() {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 3, 3), 3, null);

		GroupNote note = notes.share(clinician, held.sessionId(), held.on(), "Coping with cravings",
				"Urge surfing, a cravings diary", "Worksheet 4");

		assertThat(note.topic()).isEqualTo("Coping with cravings");
		assertThat(note.attendees()).extracting(GroupNote.Attendee::residentId)
			.containsExactlyInAnyOrderElementsOf(held.present());
		assertThat(note.attendees()).extracting(GroupNote.Attendee::residentId).doesNotContain(held.absent());
		assertThat(note.missing()).hasSize(3);
	}

	@Test
	void anObservationNearlyTheSameAsAnothersIsRefusedNamingBothAndChangesNothing() {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 3, 4), 2, null);
		UUID first = held.present().get(0);
		UUID second = held.present().get(1);
		GroupNote note = notes.writeEntry(clinician, held.sessionId(), held.on(), first, entry("3",
				"Named two triggers for cravings, being alone at night and payday, and practised urge surfing."));

		assertThatThrownBy(() -> notes.writeEntry(clinician, held.sessionId(), held.on(), second, entry("ACTIVE",
				"Named two triggers for cravings: being alone at night and payday; and practised urge surfing!")))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("group-note.observation.copied");
				assertThat(v.field()).isEqualTo("observation");
				assertThat(v.arguments()).containsExactly(attendee(note, second).name(), attendee(note, first).name());
			});
		GroupNote after = notes.note(clinician, held.sessionId(), held.on());
		assertThat(attendee(after, second).entry()).isNull();
		assertThat(after.revision()).isEqualTo(note.revision());
	}

	@Test
	void anObservationRepeatingTheSharedPartIsRefused() {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 3, 5), 1, null);
		notes.share(clinician, held.sessionId(), held.on(), "Coping with cravings",
				"Psycho-education on the cravings cycle, then urge surfing practised in pairs", null);

		assertThatThrownBy(() -> notes.writeEntry(clinician, held.sessionId(), held.on(), held.present().get(0),
				entry("2", "Psycho-education on the cravings cycle, then urge surfing practised in pairs.")))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("group-note.observation.shared");
				assertThat(v.arguments()[1]).isEqualTo("interventions");
			});
	}

	@Test
	void progressIsGivenOnTheObjectivesOfThePlanInForceOnly() {
		UUID resident = signIns.user(reviews.aResidentWithPlanInForce()).residentId();
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 3, 6), 1, resident);
		GroupNote note = notes.note(clinician, held.sessionId(), held.on());
		GroupNote.Attendee planned = attendee(note, resident);
		assertThat(planned.objectives()).extracting(GroupNote.Objective::text)
			.containsExactly("Goes to two meetings a week", "Calls a sponsor every evening");

		assertThatThrownBy(() -> notes.writeEntry(clinician, held.sessionId(), held.on(), resident,
				new GroupNotes.EntryDraft("3", List.of(new GroupNotes.ProgressDraft(UUID.randomUUID(), "MET")), "Spoke up.")))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("progress[0].objectiveId"));
		assertThatThrownBy(() -> notes.writeEntry(clinician, held.sessionId(), held.on(), resident,
				new GroupNotes.EntryDraft("3",
						List.of(new GroupNotes.ProgressDraft(planned.objectives().get(0).id(), "DROPPED")), "Spoke up.")))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("progress[0].progress"));

		GroupNote written = notes.writeEntry(clinician, held.sessionId(), held.on(), resident, new GroupNotes.EntryDraft(
				"3", List.of(new GroupNotes.ProgressDraft(planned.objectives().get(1).id(), "PROGRESSING")),
				"Said he called his sponsor four evenings out of seven."));
		GroupNote.Attendee done = attendee(written, resident);
		assertThat(done.complete()).isTrue();
		assertThat(done.entry().progress()).extracting(GroupNote.Progress::objectiveText, GroupNote.Progress::progress)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Calls a sponsor every evening",
					ObjectiveProgress.PROGRESSING));
	}

	@Test
	void aResidentWhoDidNotAttendGetsNoEntryAndAnUnknownParticipationNamesTheField() {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 3, 7), 1, null);
		assertThatThrownBy(() -> notes.writeEntry(clinician, held.sessionId(), held.on(), held.absent(), entry("3", "x")))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("residentId"));
		assertThatThrownBy(() -> notes.writeEntry(clinician, held.sessionId(), held.on(), held.present().get(0),
				entry("7", "Listened.")))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("participation"));
	}

	@Test
	void signingWaitsForEveryAttendeeNamingWhoIsMissing() {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 3, 10), 2, null);
		GroupNote note = write(held, held.present().get(0), "4", "Led the check-in and helped a newer resident with the worksheet.");
		String missing = attendee(note, held.present().get(1)).name();

		assertThatThrownBy(() -> fixtures.sign(clinician, note.id()))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("group-note.entries.missing");
				assertThat(v.arguments()).containsExactly(1, missing);
			});
		assertThat(signatures.signaturesOf(clinician, GroupNoteDocuments.KIND, note.id(), 1)).isEmpty();
	}

	@Test
	void aSignedNoteNeverChangesAndTakesAddenda() {
		// today from midnight: begun whenever the test runs, and signed within a day of its end
		GroupNoteFixtures.Held held = fixtures.aHeldSession(today(), LocalTime.MIDNIGHT, 2, null);
		notes.share(clinician, held.sessionId(), held.on(), "Relapse warning signs", "Group discussion", null);
		write(held, held.present().get(0), "3", "Listed three warning signs from her last relapse and shared one with the group.");
		GroupNote note = write(held, held.present().get(1), "1", "Sat at the back, answered one question when asked, seemed tired.");

		fixtures.sign(clinician, note.id());

		GroupNote signed = notes.note(clinician, held.sessionId(), held.on());
		assertThat(signed.signed()).isTrue();
		assertThat(signed.late()).isFalse();
		assertThatThrownBy(() -> notes.writeEntry(clinician, held.sessionId(), held.on(), held.present().get(1),
				entry("2", "Something else entirely for the record."))).isInstanceOf(StateConflict.class);
		assertThatThrownBy(() -> notes.share(clinician, held.sessionId(), held.on(), "Other", null, null))
			.isInstanceOf(StateConflict.class);
		assertThatThrownBy(() -> jdbc.sql("update sessions_note_entry set observation = 'changed' where note_id = ?")
			.param(note.id()).update()).hasMessageContaining("a signed group note never changes");

		GroupNote added = notes.addAddendum(clinician, held.sessionId(), held.on(), "She asked afterwards to see her counsellor.");
		assertThat(added.addenda()).extracting(GroupNote.Addendum::text, GroupNote.Addendum::author)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("She asked afterwards to see her counsellor.",
					clinician.displayName()));
		assertThat(signatures.signaturesOf(clinician, GroupNoteDocuments.KIND, note.id(), 1))
			.extracting(Verification::status).containsExactly(Verification.Status.VALID);
		assertThat(notes.signedEntriesOf(clinician, held.present().get(1), held.on(), held.on()))
			.extracting(SignedEntry::observation)
			.containsExactly("Sat at the back, answered one question when asked, seemed tired.");
	}

	@Test
	void aNoteSignedMoreThanADayAfterTheSessionEndedIsMarkedLate() {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 3, 11), 1, null);
		GroupNote note = write(held, held.present().get(0), "2", "Joined in the role play when the facilitator asked him.");

		fixtures.sign(clinician, note.id());

		assertThat(notes.note(clinician, held.sessionId(), held.on()).late()).isTrue();
	}

	@Test
	void anAddendumWaitsForTheSignature() {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 3, 12), 1, null);
		assertThatThrownBy(() -> notes.addAddendum(clinician, held.sessionId(), held.on(), "Later thought."))
			.isInstanceOf(StateConflict.class);
	}

	@Test
	void staffWhoDoNotFacilitateWriteNoClinicalNote() {
		GroupNoteFixtures.Held held = fixtures.aHeldSession(LocalDate.of(2025, 3, 13), 1, null);
		MilieuUser staff = signIns.user("staff");
		assertThatThrownBy(() -> notes.writeEntry(staff, held.sessionId(), held.on(), held.present().get(0),
				entry("3", "Took part."))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> notes.note(staff, held.sessionId(), held.on())).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void noNoteIsWrittenBeforeTheOccurrenceBeginsAndNothingIsStored() {
		GroupNoteFixtures.Held coming = fixtures.aSession(LocalDate.of(2027, 4, 5), LocalTime.of(10, 0), 1, null);

		assertThatThrownBy(() -> notes.share(clinician, coming.sessionId(), coming.on(), "Coping with cravings", null, null))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("group-note.occurrence.notStarted");
				assertThat(v.field()).isEqualTo("occursOn");
				assertThat(v.arguments()).containsExactly("2027-04-05", "10:00");
			});
		assertThatThrownBy(() -> notes.writeEntry(clinician, coming.sessionId(), coming.on(), coming.present().get(0),
				entry("3", "Took part.")))
			.isInstanceOfSatisfying(RuleViolation.class,
					v -> assertThat(v.code()).isEqualTo("group-note.occurrence.notStarted"));
		assertThat(notesOf(coming.sessionId())).isZero();
		assertThat(notes.note(clinician, coming.sessionId(), coming.on()).id()).isNull();
	}

	@Test
	void anOccurrenceMovedAheadTakesItsNoteFromItsNewTime() {
		LocalDate held = today().minusDays(20);
		GroupNoteFixtures.Held moved = fixtures.aSession(held, LocalTime.of(22, 0), 1, null);
		sessions.moveOccurrence(clinician, moved.sessionId(), held, today().plusDays(10), LocalTime.of(22, 0), null,
				"Facilitator away");

		assertThatThrownBy(() -> notes.share(clinician, moved.sessionId(), held, "Coping with cravings", null, null))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.code()).isEqualTo("group-note.occurrence.notStarted");
				assertThat(v.arguments()).containsExactly(today().plusDays(10).toString(), "22:00");
			});
		assertThat(notesOf(moved.sessionId())).isZero();
	}
}
