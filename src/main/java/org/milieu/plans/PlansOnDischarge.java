package org.milieu.plans;

import java.time.Clock;

import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.residents.ResidentDischarged;
import org.milieu.shared.DataCategory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a discharge ends in plans (ADR 0016), after the discharge commits, from the persisted event:
 * a draft version still open is ENDED with the reason, so nobody signs a plan for a resident who has
 * left. Versions in force or superseded stay as they were, with their signatures. Ending only drafts
 * makes a second run of the reaction change nothing more; the closure record is kept once per stay
 * ({@link PlanDischargeClosure} reads it back for the discharged record).
 */
@Component
class PlansOnDischarge {

	static final String SYSTEM = "milieu";

	private final PlanRows rows;

	private final AuditTrail trail;

	private final Clock clock;

	PlansOnDischarge(PlanRows rows, AuditTrail trail, Clock clock) {
		this.rows = rows;
		this.trail = trail;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void afterDischarge(ResidentDischarged discharged) {
		close(discharged);
	}

	/** Ends the resident's open drafts and records, once per stay, what it ended; returns how many. */
	@Transactional
	int close(ResidentDischarged d) {
		int ended = rows.endDrafts(d.programId(), d.residentId(), clock.instant(), "discharged on " + d.dischargedOn());
		rows.recordClosure(d.programId(), d.residentId(), d.stayId(), ended, clock.instant());
		if (ended > 0) {
			trail.record(AuditEntry.of(new Actor(d.programId(), null, SYSTEM, null), AuditAction.UPDATE, AuditOutcome.SUCCESS)
				.about(d.residentId(), DataCategory.CLINICAL_NOTES).on("TreatmentPlan", d.stayId())
				.saying("discharge: " + ended + " draft plan version(s) ended"));
		}
		return ended;
	}
}
