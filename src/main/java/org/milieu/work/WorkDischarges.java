package org.milieu.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.residents.ResidentDischarged;
import org.milieu.shared.DataCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a discharge ends in work, after the discharge commits (a persisted event: a reaction cut
 * short by a crash is completed at the next start). The resident's assignments from the discharge
 * day on leave their rosters, kept with the day they left so the roster board shows the open
 * place; swap requests still waiting, theirs or with them, are cancelled. The stipend ledger keeps
 * every entry: the balance is paid out by staff through the ordinary payout. The stay's closure
 * record is written first, once: a second run of the reaction finds it and changes nothing more.
 */
@Component
class WorkDischarges {

	static final String SYSTEM = "milieu";

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	WorkDischarges(JdbcClient jdbc, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void afterDischarge(ResidentDischarged discharged) {
		close(discharged);
	}

	/** Closes the resident's work for the stay; false when it was closed already. */
	boolean close(ResidentDischarged d) {
		Timestamp now = Timestamp.from(clock.instant());
		int first = jdbc.sql("""
				insert into work_discharge_closure (stay_id, program_id, resident_id, discharged_on, assignments_left,
				                                    swaps_cancelled, closed_at)
				values (?, ?, ?, ?, 0, 0, ?) on conflict (stay_id) do nothing""")
			.params(d.stayId(), d.programId(), d.residentId(), d.dischargedOn(), now).update();
		if (first == 0) {
			return false;
		}
		List<UUID> left = jdbc.sql("""
				update work_assignment a set left_on = greatest(?, r.week_start), left_reason = 'DISCHARGED',
				       updated_by = ?, updated_at = ?
				  from work_roster r
				 where r.id = a.roster_id and a.program_id = ? and a.resident_id = ? and a.left_on is null
				   and r.status <> 'SUPERSEDED' and r.week_start + 6 >= ?
				returning a.id""")
			.params(d.dischargedOn(), SYSTEM, now, d.programId(), d.residentId(), d.dischargedOn()).query(UUID.class).list();
		List<String> jobs = left.isEmpty() ? List.of() : jdbc.sql("""
				select distinct j.name from work_assignment a join work_job j on j.id = a.job_id
				 where a.id = any(?::uuid[]) order by j.name""")
			.param(left.stream().map(UUID::toString).toArray(String[]::new)).query(String.class).list();
		int cancelled = jdbc.sql("""
				update work_swap_request s set status = 'CANCELLED', decided_by = ?, decided_at = ?,
				       note = 'Cancelled: a resident of the swap was discharged.'
				 where s.program_id = ? and s.status = 'REQUESTED'
				   and (s.resident_id = ? or exists (select 1 from work_assignment a where a.resident_id = ?
				        and a.id in (s.assignment_id, s.with_assignment_id)))""")
			.params(SYSTEM, now, d.programId(), d.residentId(), d.residentId()).update();
		jdbc.sql("update work_discharge_closure set assignments_left = ?, jobs_left = ?::text[], swaps_cancelled = ? where stay_id = ?")
			.params(left.size(), jobs.toArray(String[]::new), cancelled, d.stayId()).update();
		trail.record(AuditEntry.of(new Actor(d.programId(), null, SYSTEM, null), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(d.residentId(), DataCategory.WORK_AND_STIPENDS).on("DischargeClosure", d.stayId())
			.saying("discharge: " + left.size() + " assignment(s) left the rosters, " + cancelled + " swap request(s) cancelled"));
		return true;
	}
}
