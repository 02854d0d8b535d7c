package org.milieu.sessions;

import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.residents.ResidentDischarged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a discharge ends in sessions, after the discharge commits, from the persisted event: the
 * resident leaves the named attendee lists from the discharge day on ({@code removed_on}), so no
 * later occurrence expects them. Marks already recorded stay, as the record of what happened.
 * Only lists the resident is still on are changed, so a second run of the reaction changes nothing.
 */
@Component
class AttendeesOnDischarge {

	static final String SYSTEM = "milieu";

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	AttendeesOnDischarge(JdbcClient jdbc, AuditTrail trail) {
		this.jdbc = jdbc;
		this.trail = trail;
	}

	@ApplicationModuleListener
	void afterDischarge(ResidentDischarged discharged) {
		leaveLists(discharged);
	}

	/** Takes the resident off every named attendee list of the program they are still on; returns how many. */
	@Transactional
	int leaveLists(ResidentDischarged d) {
		int left = jdbc.sql("""
				update sessions_attendee a set removed_on = ?
				from sessions_session s
				where s.id = a.session_id and s.program_id = ? and a.resident_id = ? and a.removed_on is null""")
			.params(d.dischargedOn(), d.programId(), d.residentId()).update();
		if (left > 0) {
			trail.record(AuditEntry.of(new Actor(d.programId(), null, SYSTEM, null), AuditAction.UPDATE, AuditOutcome.SUCCESS)
				.about(d.residentId(), Sessions.CATEGORY).on("Session", null)
				.saying("discharge: left " + left + " named attendee list(s) from " + d.dischargedOn()));
		}
		return left;
	}
}
