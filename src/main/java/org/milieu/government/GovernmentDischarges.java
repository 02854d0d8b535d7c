package org.milieu.government;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.ResidentDischarged;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a discharge ends in client government, after the discharge commits (a persisted event: a
 * reaction cut short by a crash is completed at the next start). The resident's officer terms end
 * on the discharge day; an office left vacant today is announced on the agenda of its house's next
 * meeting (a regular meeting is scheduled when none is), without naming who left or why. Voting
 * and moving motions need no closing: {@link Membership} admits only residents living in a house
 * today. The stay's closure record is written first, once: a second run changes nothing more.
 */
@Component
class GovernmentDischarges {

	static final String SYSTEM = RegularMeetings.SYSTEM;

	private final JdbcClient jdbc;

	private final RegularMeetings regularMeetings;

	private final Programs programs;

	private final AuditTrail trail;

	private final Clock clock;

	GovernmentDischarges(JdbcClient jdbc, RegularMeetings regularMeetings, Programs programs, AuditTrail trail,
			Clock clock) {
		this.jdbc = jdbc;
		this.regularMeetings = regularMeetings;
		this.programs = programs;
		this.trail = trail;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void afterDischarge(ResidentDischarged discharged) {
		close(discharged);
	}

	/** Ends the resident's terms for the stay; false when it was closed already. */
	boolean close(ResidentDischarged d) {
		Instant now = clock.instant();
		ProgramId program = new ProgramId(d.programId());
		int first = jdbc.sql("""
				insert into government_discharge_closure (stay_id, program_id, resident_id, discharged_on, closed_at)
				values (?, ?, ?, ?, ?) on conflict (stay_id) do nothing""")
			.params(d.stayId(), d.programId(), d.residentId(), d.dischargedOn(), Timestamp.from(now)).update();
		if (first == 0) {
			return false;
		}
		record Ended(UUID house, String office, LocalDate wasToEnd) {
		}
		List<Ended> ended = jdbc.sql("""
				with t as (select id, ends_on from government_officer
				            where program_id = ? and resident_id = ? and ends_on > ? for update)
				update government_officer o set ends_on = greatest(o.starts_on, ?), cut_short_reason = 'DISCHARGED'
				  from t where o.id = t.id
				returning o.house_id, o.office, t.ends_on""")
			.params(d.programId(), d.residentId(), d.dischargedOn(), d.dischargedOn())
			.query((rs, n) -> new Ended(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class)))
			.list();
		LocalDate today = LocalDate.ofInstant(now, programs.find(program).map(Program::timeZone).orElse(ZoneOffset.UTC));
		List<UUID> items = new ArrayList<>();
		for (Ended term : ended) {
			if (term.wasToEnd().isAfter(today)) {
				items.add(announceVacancy(program, term.house(), Office.valueOf(term.office()), now));
			}
		}
		jdbc.sql("update government_discharge_closure set offices_ended = ?::text[], vacancy_items = ?::uuid[] where stay_id = ?")
			.params(ended.stream().map(Ended::office).toArray(String[]::new),
					items.stream().map(UUID::toString).toArray(String[]::new), d.stayId())
			.update();
		trail.record(AuditEntry.of(new Actor(d.programId(), null, SYSTEM, null), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(d.residentId(), DataCategory.GOVERNMENT).on("DischargeClosure", d.stayId())
			.saying("discharge: " + ended.size() + " officer term(s) ended, " + items.size() + " vacancy(ies) on the agenda"));
		return true;
	}

	/** Puts the vacancy at the end of the agenda of the house's next meeting; the item's id. */
	private UUID announceVacancy(ProgramId program, UUID house, Office office, Instant now) {
		UUID meeting = jdbc.sql("""
				select id from government_meeting where program_id = ? and house_id is not distinct from ?
				   and status = 'SCHEDULED' and starts_at >= ? order by starts_at limit 1 for update""")
			.params(program.value(), house, Timestamp.from(now)).query(UUID.class).optional()
			.orElseGet(() -> regularMeetings.scheduleNext(program, house, now));
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from government_agenda_item where meeting_id = ?")
			.param(meeting).query(Integer.class).single();
		UUID id = UUID.randomUUID();
		String name = office == Office.CHAIR ? "chair" : "secretary";
		jdbc.sql("""
				insert into government_agenda_item (id, meeting_id, kind, title, description, submitted_by,
				                                    submitted_by_resident, position, status, submitted_at)
				values (?, ?, 'ANNOUNCEMENT', ?, ?, ?, null, ?, 'OPEN', ?)""")
			.params(id, meeting, "Vacancy: the office of " + name + " is open",
					"The " + name + "'s term has ended early and the office is vacant. The meeting elects a new " + name + ".",
					SYSTEM, position, Timestamp.from(now))
			.update();
		trail.record(AuditEntry.of(new Actor(program.value(), null, SYSTEM, null), AuditAction.CREATE, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("AgendaItem", id));
		return id;
	}
}
