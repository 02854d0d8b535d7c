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
 * residents staying in their houses, with its roll call, and signing a note. The roll call is written
 * straight into {@code sessions_attendance} here (the attendance service is built beside the notes);
 * rows as its service writes them.
 */
@Component
public class GroupNoteFixtures {

	public static final String DEMO_PASSWORD = "milieu-demo";

	private final Sessions sessions;

	private final SessionTypes types;

	private final DemoSignIns signIns;

	private final JdbcClient jdbc;

	private final GroupNoteDocuments documents;

	private final Signatures signatures;

	GroupNoteFixtures(Sessions sessions, SessionTypes types, DemoSignIns signIns, JdbcClient jdbc,
			GroupNoteDocuments documents, Signatures signatures) {
		this.sessions = sessions;
		this.types = types;
		this.signIns = signIns;
		this.jdbc = jdbc;
		this.documents = documents;
		this.signatures = signatures;
	}

	/** A held session: its id, its date, the residents present and the one absent (null when none was asked). */
	public record Held(UUID sessionId, LocalDate on, List<UUID> present, UUID absent) {
	}

	/**
	 * A one-off session on {@code on} for {@code count} residents of the clinician's houses (and
	 * {@code also}, first, when given), all present, and one more resident absent.
	 */
	public Held aHeldSession(LocalDate on, int count, UUID also) {
		MilieuUser clinician = signIns.user("clinician");
		UUID psychoEducation = types.all(clinician.programId()).stream().filter(t -> "PSYCHO_EDUCATION".equals(t.code()))
			.findFirst().orElseThrow().id();
		List<UUID> staying = jdbc.sql("""
				select s.resident_id from residents_stay s
				  join identity_account_house h on h.house_id = s.house_id and h.account_id = ?
				  join residents_resident r on r.id = s.resident_id
				 where s.discharged_on is null order by r.family_name, r.given_name""")
			.param(clinician.accountId()).query(UUID.class).list();
		List<UUID> present = new ArrayList<>();
		if (also != null) {
			present.add(also);
		}
		for (UUID r : staying) {
			if (present.size() >= count) {
				break;
			}
			if (!present.contains(r)) {
				present.add(r);
			}
		}
		UUID absent = staying.stream().filter(r -> !present.contains(r)).findFirst().orElseThrow();
		List<UUID> named = new ArrayList<>(present);
		named.add(absent);
		Session session = sessions.schedule(clinician, new NewSession(psychoEducation, "Coping with cravings", null,
				"Group room", on, LocalTime.of(10, 0), 60, null, AttendeeKind.RESIDENTS, null, null, named, null));
		for (UUID r : present) {
			attend(clinician, session.id(), on, r, "PRESENT");
		}
		attend(clinician, session.id(), on, absent, "ABSENT");
		return new Held(session.id(), on, present, absent);
	}

	/** One roll-call row, as the attendance service records it. */
	public void attend(MilieuUser by, UUID sessionId, LocalDate on, UUID residentId, String status) {
		jdbc.sql("""
				insert into sessions_attendance (session_id, occurs_on, resident_id, program_id, status, recorded_by,
				    recorded_by_name, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, now()) on conflict (session_id, occurs_on, resident_id) do update set status = excluded.status""")
			.params(sessionId, on, residentId, by.programId().value(), status, by.accountId(), by.displayName())
			.update();
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
