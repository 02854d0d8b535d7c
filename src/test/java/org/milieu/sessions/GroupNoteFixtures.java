package org.milieu.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.signatures.Credential;
import org.milieu.signatures.SignDocument;
import org.milieu.signatures.Signature;
import org.milieu.signatures.Signatures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test fixture for group notes: a one-off psycho-education session of the demo clinician for named
 * residents of their houses, and its roll call taken through {@link SessionAttendance} (which refuses
 * marks other than an excuse before the day, so a held session is on a past day or today), and
 * signing a note. The roll is taken by the director, whose reach is the whole program: a resident
 * needs no stay on a past day to be marked.
 */
@Component
public class GroupNoteFixtures {

	public static final String DEMO_PASSWORD = "milieu-demo";

	private final Sessions sessions;

	private final SessionTypes types;

	private final SessionAttendance attendance;

	private final DemoSignIns signIns;

	private final JdbcClient jdbc;

	private final GroupNoteDocuments documents;

	private final Signatures signatures;

	GroupNoteFixtures(Sessions sessions, SessionTypes types, SessionAttendance attendance, DemoSignIns signIns,
			JdbcClient jdbc, GroupNoteDocuments documents, Signatures signatures) {
		this.sessions = sessions;
		this.types = types;
		this.attendance = attendance;
		this.signIns = signIns;
		this.jdbc = jdbc;
		this.documents = documents;
		this.signatures = signatures;
	}

	/** A held session: its id, its date, the residents present and the one absent (null when none was asked). */
	public record Held(UUID sessionId, LocalDate on, List<UUID> present, UUID absent) {
	}

	/**
	 * A one-off session on {@code on} at 10:00 for {@code count} residents of the clinician's houses
	 * (and {@code also}, first, when given), all present, and one more resident absent.
	 */
	public Held aHeldSession(LocalDate on, int count, UUID also) {
		return aHeldSession(on, LocalTime.of(10, 0), count, also);
	}

	/** As {@link #aHeldSession(LocalDate, int, UUID)}, starting at {@code at}. */
	public Held aHeldSession(LocalDate on, LocalTime at, int count, UUID also) {
		Held booked = aSession(on, at, count + 1, also);
		List<UUID> present = booked.present().subList(0, count);
		UUID absent = booked.present().get(count);
		MilieuUser director = signIns.user("director");
		for (UUID r : present) {
			attendance.mark(director, booked.sessionId(), on, r, AttendanceStatus.PRESENT, null, false);
		}
		attendance.mark(director, booked.sessionId(), on, absent, AttendanceStatus.ABSENT, null, false);
		return new Held(booked.sessionId(), on, List.copyOf(present), absent);
	}

	/**
	 * A one-off session of an hour on {@code on} at {@code at} for {@code count} residents of the
	 * clinician's houses ({@code also} first, when given), with no roll call taken: all are in
	 * {@code present} (as named), none absent.
	 */
	public Held aSession(LocalDate on, LocalTime at, int count, UUID also) {
		return aSession(on, count, also, at);
	}

	/**
	 * As {@link #aSession(LocalDate, LocalTime, int, UUID)}, at the first of these times the residents are free
	 * (on today's date the suite's community meetings, booked relative to the clock, may hold one of them).
	 */
	public Held aSession(LocalDate on, int count, UUID also, LocalTime... times) {
		MilieuUser clinician = signIns.user("clinician");
		UUID psychoEducation = types.all(clinician.programId()).stream().filter(t -> "PSYCHO_EDUCATION".equals(t.code()))
			.findFirst().orElseThrow().id();
		List<UUID> staying = jdbc.sql("""
				select s.resident_id from residents_stay s
				  join identity_account_house h on h.house_id = s.house_id and h.account_id = ?
				  join residents_resident r on r.id = s.resident_id
				 where s.discharged_on is null order by r.family_name, r.given_name""")
			.param(clinician.accountId()).query(UUID.class).list();
		List<UUID> named = new ArrayList<>();
		if (also != null) {
			named.add(also);
		}
		for (UUID r : staying) {
			if (named.size() >= count) {
				break;
			}
			if (!named.contains(r)) {
				named.add(r);
			}
		}
		Session session = AttendanceFixtures.atFirstFreeTime(sessions, clinician, at -> new NewSession(psychoEducation,
				"Coping with cravings", null, "Group room", on, at, 60, null, AttendeeKind.RESIDENTS, null, null, named, null),
				times);
		return new Held(session.id(), on, List.copyOf(named), null);
	}

	/** Signs the note as it stands, with the demo password. */
	public Signature sign(MilieuUser signer, UUID noteId) {
		return signatures.sign(signer, new SignDocument(GroupNoteDocuments.KIND, noteId, 1, GroupNoteDocuments.WROTE.code(),
				contentHash(noteId), new Credential(null, DEMO_PASSWORD, null), null), Locale.ENGLISH);
	}

	public String contentHash(UUID noteId) {
		return documents.document(noteId, 1).orElseThrow().contentHash();
	}

}
