package org.milieu.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of group notes: the note's own tables, who attended (read from the roll call), the
 * residents' names and the OBJECTIVE parts of their plan versions in force (read-only from the
 * plans module's tables).
 */
@Repository
class GroupNoteRows {

	private final JdbcClient jdbc;

	GroupNoteRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NoteRow(UUID id, UUID programId, UUID sessionId, LocalDate occursOn, String topic, String interventions,
			String materials, int revision, Instant signedAt, String signedByName, boolean late) {
	}

	record Attended(UUID residentId, String name, String status) {
	}

	Optional<NoteRow> note(UUID programId, UUID sessionId, LocalDate occursOn) {
		return jdbc.sql("select * from sessions_note where program_id = ? and session_id = ? and occurs_on = ?")
			.params(programId, sessionId, occursOn).query(GroupNoteRows::note).optional();
	}

	Optional<NoteRow> noteAnyProgram(UUID id) {
		return jdbc.sql("select * from sessions_note where id = ?").param(id).query(GroupNoteRows::note).optional();
	}

	/** Locks the note's row for a change, so two saves of one note follow each other. */
	Optional<NoteRow> lock(UUID programId, UUID sessionId, LocalDate occursOn) {
		return jdbc.sql("select * from sessions_note where program_id = ? and session_id = ? and occurs_on = ? for update")
			.params(programId, sessionId, occursOn).query(GroupNoteRows::note).optional();
	}

	private static NoteRow note(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		OffsetDateTime signed = rs.getObject("signed_at", OffsetDateTime.class);
		return new NoteRow(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
				rs.getObject("session_id", UUID.class), rs.getObject("occurs_on", LocalDate.class), rs.getString("topic"),
				rs.getString("interventions"), rs.getString("materials"), rs.getInt("revision"),
				signed == null ? null : signed.toInstant(), rs.getString("signed_by_name"), rs.getBoolean("late"));
	}

	UUID create(UUID programId, UUID sessionId, LocalDate occursOn, UUID by, String byName, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into sessions_note (id, program_id, session_id, occurs_on, created_by, created_by_name, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (session_id, occurs_on) do nothing""")
			.params(id, programId, sessionId, occursOn, by, byName, utc(now), utc(now)).update();
		return id;
	}

	void share(UUID noteId, String topic, String interventions, String materials, Instant now) {
		jdbc.sql("""
				update sessions_note set topic = ?, interventions = ?, materials = ?, revision = revision + 1, updated_at = ?
				 where id = ?""").params(topic, interventions, materials, utc(now), noteId).update();
	}

	void touch(UUID noteId, Instant now) {
		jdbc.sql("update sessions_note set revision = revision + 1, updated_at = ? where id = ?").params(utc(now), noteId)
			.update();
	}

	void signed(UUID noteId, Instant at, UUID by, String byName, Instant endsAt, boolean late) {
		jdbc.sql("""
				update sessions_note set signed_at = ?, signed_by = ?, signed_by_name = ?, ends_at = ?, late = ?
				 where id = ? and signed_at is null""").params(utc(at), by, byName, utc(endsAt), late, noteId).update();
	}

	void writeEntry(UUID noteId, UUID programId, GroupNote.Entry entry, UUID by) {
		jdbc.sql("delete from sessions_note_progress where note_id = ? and resident_id = ?").params(noteId, entry.residentId())
			.update();
		jdbc.sql("""
				insert into sessions_note_entry (note_id, resident_id, program_id, participation, observation, written_by,
				    written_by_name, written_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (note_id, resident_id) do update set participation = excluded.participation,
				    observation = excluded.observation, written_by = excluded.written_by,
				    written_by_name = excluded.written_by_name, written_at = excluded.written_at""")
			.params(noteId, entry.residentId(), programId,
					entry.participation() == null ? null : entry.participation().name(), entry.observation(), by,
					entry.writtenBy(), utc(entry.writtenAt()))
			.update();
		for (GroupNote.Progress p : entry.progress()) {
			jdbc.sql("""
					insert into sessions_note_progress (note_id, resident_id, objective_id, objective_text, progress)
					values (?, ?, ?, ?, ?)""").params(noteId, entry.residentId(), p.objectiveId(), p.objectiveText(),
					p.progress().name()).update();
		}
	}

	/** The note's entries by resident, each with its progress. */
	Map<UUID, GroupNote.Entry> entries(UUID noteId) {
		Map<UUID, List<GroupNote.Progress>> progress = new HashMap<>();
		jdbc.sql("""
				select resident_id, objective_id, objective_text, progress from sessions_note_progress
				 where note_id = ? order by resident_id, objective_text, objective_id""").param(noteId)
			.query((rs, n) -> progress.computeIfAbsent(rs.getObject("resident_id", UUID.class), k -> new ArrayList<>())
				.add(new GroupNote.Progress(rs.getObject("objective_id", UUID.class), rs.getString("objective_text"),
						ObjectiveProgress.valueOf(rs.getString("progress")))))
			.list();
		Map<UUID, GroupNote.Entry> entries = new LinkedHashMap<>();
		jdbc.sql("""
				select e.*, r.given_name, r.family_name, r.preferred_name from sessions_note_entry e
				  join residents_resident r on r.id = e.resident_id
				 where e.note_id = ? order by e.resident_id""").param(noteId)
			.query((rs, n) -> {
				UUID resident = rs.getObject("resident_id", UUID.class);
				String participation = rs.getString("participation");
				return entries.put(resident, new GroupNote.Entry(resident, name(rs),
						participation == null ? null : Participation.valueOf(participation),
						progress.getOrDefault(resident, List.of()), rs.getString("observation"), rs.getString("written_by_name"),
						rs.getObject("written_at", OffsetDateTime.class).toInstant()));
			}).list();
		return entries;
	}

	/** Who attended the occurrence (present, late or left early), by name. */
	List<Attended> attended(UUID programId, UUID sessionId, LocalDate occursOn) {
		return jdbc.sql("""
				select a.resident_id, a.status, r.given_name, r.family_name, r.preferred_name from sessions_attendance a
				  join residents_resident r on r.id = a.resident_id
				 where a.program_id = ? and a.session_id = ? and a.occurs_on = ? and a.status in ('PRESENT', 'LATE', 'LEFT_EARLY')
				 order by r.family_name, r.given_name, a.resident_id""")
			.params(programId, sessionId, occursOn)
			.query((rs, n) -> new Attended(rs.getObject("resident_id", UUID.class), name(rs), rs.getString("status"))).list();
	}

	/** The OBJECTIVE parts of each resident's plan version in force, in the plan's order. */
	Map<UUID, List<GroupNote.Objective>> objectives(UUID programId, Collection<UUID> residents) {
		Map<UUID, List<GroupNote.Objective>> out = new HashMap<>();
		if (residents.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				select p.resident_id, i.id, i.text from plans_plan p
				  join plans_version v on v.plan_id = p.id and v.status = 'IN_FORCE'
				  join plans_item i on i.plan_id = v.plan_id and i.version_number = v.number and i.kind = 'OBJECTIVE'
				 where p.program_id = ? and p.resident_id = any(?) order by i.position""")
			.params(programId, residents.toArray(UUID[]::new))
			.query((rs, n) -> out.computeIfAbsent(rs.getObject("resident_id", UUID.class), k -> new ArrayList<>())
				.add(new GroupNote.Objective(rs.getObject("id", UUID.class), rs.getString("text"))))
			.list();
		return out;
	}

	List<GroupNote.Addendum> addenda(UUID noteId) {
		return jdbc.sql("select * from sessions_note_addendum where note_id = ? order by written_at, id").param(noteId)
			.query((rs, n) -> new GroupNote.Addendum(rs.getObject("id", UUID.class), rs.getString("text"),
					rs.getString("author_name"), rs.getObject("written_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	void addAddendum(UUID noteId, UUID programId, String text, UUID by, String byName, Instant now) {
		jdbc.sql("""
				insert into sessions_note_addendum (id, note_id, program_id, text, author_account_id, author_name, written_at)
				values (?, ?, ?, ?, ?, ?, ?)""").params(UUID.randomUUID(), noteId, programId, text, by, byName, utc(now))
			.update();
	}

	/** A resident's entries in signed notes, newest first, between two dates (both included). */
	List<SignedEntry> signedEntriesOf(UUID programId, UUID residentId, LocalDate from, LocalDate to) {
		List<SignedEntry> out = new ArrayList<>();
		jdbc.sql("""
				select n.id, n.session_id, n.occurs_on, n.topic, n.signed_at, n.signed_by_name, n.late, s.title,
				       e.participation, e.observation
				  from sessions_note_entry e join sessions_note n on n.id = e.note_id
				  join sessions_session s on s.id = n.session_id
				 where n.program_id = ? and e.resident_id = ? and n.signed_at is not null and n.occurs_on between ? and ?
				 order by n.occurs_on desc, n.signed_at desc""")
			.params(programId, residentId, from, to)
			.query((rs, n) -> out.add(new SignedEntry(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
					rs.getObject("occurs_on", LocalDate.class), rs.getString("title"), rs.getString("topic"),
					Participation.valueOf(rs.getString("participation")), rs.getString("observation"),
					rs.getString("signed_by_name"), rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
					rs.getBoolean("late"), new ArrayList<>())))
			.list();
		for (SignedEntry entry : out) {
			jdbc.sql("""
					select objective_id, objective_text, progress from sessions_note_progress
					 where note_id = ? and resident_id = ? order by objective_text""").params(entry.noteId(), residentId)
				.query((rs, n) -> entry.progress().add(new GroupNote.Progress(rs.getObject("objective_id", UUID.class),
						rs.getString("objective_text"), ObjectiveProgress.valueOf(rs.getString("progress")))))
				.list();
		}
		return out;
	}

	private static String name(java.sql.ResultSet rs) throws java.sql.SQLException {
		String preferred = rs.getString("preferred_name");
		return (preferred != null && !preferred.isBlank() ? preferred : rs.getString("given_name")) + " "
				+ rs.getString("family_name");
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
