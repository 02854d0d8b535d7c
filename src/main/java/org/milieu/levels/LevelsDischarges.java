package org.milieu.levels;

import java.sql.Timestamp;
import java.time.Clock;

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
 * What a discharge ends in levels, after the discharge commits (a persisted event: a reaction cut
 * short by a crash is completed at the next start): observation orders still running end, an open
 * level review is closed (held, its rationale saying the resident was discharged, as a review
 * that gives way to a step-down is), and individual privilege grants and restrictions stop, each
 * with the reason "discharged". The level history stays as it was. The stay's closure record is
 * written first, once: a second run of the reaction changes nothing more.
 */
@Component
class LevelsDischarges {

	static final String SYSTEM = "milieu";

	static final String REASON = "discharged";

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	LevelsDischarges(JdbcClient jdbc, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void afterDischarge(ResidentDischarged discharged) {
		close(discharged);
	}

	/** Ends the resident's orders, review and individual privileges for the stay; false when closed already. */
	boolean close(ResidentDischarged d) {
		Timestamp now = Timestamp.from(clock.instant());
		int first = jdbc.sql("""
				insert into levels_discharge_closure (stay_id, program_id, resident_id, discharged_on, orders_ended,
				                                      reviews_closed, privileges_stopped, closed_at)
				values (?, ?, ?, ?, 0, 0, 0, ?) on conflict (stay_id) do nothing""")
			.params(d.stayId(), d.programId(), d.residentId(), d.dischargedOn(), now).update();
		if (first == 0) {
			return false;
		}
		int orders = jdbc.sql("""
				update levels_observation_order set ended_by = ?, ended_at = ?, end_reason = ?
				 where program_id = ? and resident_id = ? and ended_at is null and (ends_at is null or ends_at > ?)""")
			.params(SYSTEM, now, REASON, d.programId(), d.residentId(), now).update();
		int reviews = jdbc.sql("""
				update levels_review set status = 'DECIDED', decision = 'HOLD', new_level = from_level,
				       rationale = ?, decided_by = ?, decided_at = ?
				 where program_id = ? and resident_id = ? and status = 'OPEN'""")
			.params("Closed without a decision: " + REASON + " on " + d.dischargedOn() + ".", SYSTEM, now, d.programId(),
					d.residentId())
			.update();
		int privileges = jdbc.sql("""
				update levels_privilege_adjustment set ended_by = ?, ended_at = ?, end_reason = ?
				 where program_id = ? and resident_id = ? and ended_at is null and (ends_at is null or ends_at > ?)""")
			.params(SYSTEM, now, REASON, d.programId(), d.residentId(), now).update();
		jdbc.sql("update levels_discharge_closure set orders_ended = ?, reviews_closed = ?, privileges_stopped = ? where stay_id = ?")
			.params(orders, reviews, privileges, d.stayId()).update();
		trail.record(AuditEntry.of(new Actor(d.programId(), null, SYSTEM, null), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(d.residentId(), DataCategory.LEVELS_AND_RATINGS).on("DischargeClosure", d.stayId())
			.saying("discharge: " + orders + " observation order(s) ended, " + reviews + " review(s) closed, " + privileges
					+ " privilege adjustment(s) stopped"));
		return true;
	}
}
