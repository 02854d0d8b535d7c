package org.milieu.groups;

import java.sql.Timestamp;
import java.time.Clock;

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
 * A discharged resident leaves their group, after the discharge commits, from the persisted event:
 * from the day of discharge they are no member of an approved group ({@link SmallGroups#members}), and
 * they leave any open proposal. Approved groupings are history and are not edited; the departure is
 * recorded once per stay, so a second run of the reaction changes nothing.
 */
@Component
class GroupsOnDischarge {

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	GroupsOnDischarge(JdbcClient jdbc, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void afterDischarge(ResidentDischarged discharged) {
		leave(discharged);
	}

	@Transactional
	void leave(ResidentDischarged d) {
		int recorded = jdbc.sql("""
				insert into groups_departure (stay_id, program_id, resident_id, left_on, recorded_at)
				values (?, ?, ?, ?, ?) on conflict (stay_id) do nothing""")
			.params(d.stayId(), d.programId(), d.residentId(), d.dischargedOn(), Timestamp.from(clock.instant())).update();
		int left = jdbc.sql("""
				delete from groups_member m using groups_grouping g
				 where g.id = m.grouping_id and g.status = 'PROPOSED' and m.resident_id = ?""")
			.param(d.residentId()).update();
		if (left > 0) {
			jdbc.sql("""
					update groups_grouping g set moves = (select count(*) from groups_member m where m.grouping_id = g.id and m.moved),
					       revision = revision + 1
					 where g.status = 'PROPOSED' and g.program_id = ?""")
				.param(d.programId()).update();
		}
		if (recorded + left > 0) {
			trail.record(AuditEntry.of(new Actor(d.programId(), null, "milieu", null), AuditAction.UPDATE, AuditOutcome.SUCCESS)
				.about(d.residentId(), GroupAccess.CATEGORY).on(GroupAccess.RESOURCE, d.stayId())
				.saying("discharge: left their small group" + (left > 0 ? " and the open proposal" : "")));
		}
	}
}
