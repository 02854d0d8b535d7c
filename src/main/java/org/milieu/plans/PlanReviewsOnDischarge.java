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
 * What a discharge ends among plan reviews (ADR 0016), after the discharge commits, from the
 * persisted event: a review still open is closed with the reason, so nobody rates or signs it for a
 * resident who has left, and a readmission starts afresh. Signed reviews stay as they were. Closing
 * only open reviews makes a second run of the reaction change nothing more.
 */
@Component
class PlanReviewsOnDischarge {

	private final PlanReviewRows rows;

	private final AuditTrail trail;

	private final Clock clock;

	PlanReviewsOnDischarge(PlanReviewRows rows, AuditTrail trail, Clock clock) {
		this.rows = rows;
		this.trail = trail;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void afterDischarge(ResidentDischarged discharged) {
		close(discharged);
	}

	/** Closes the resident's open reviews; returns how many. */
	@Transactional
	int close(ResidentDischarged d) {
		int closed = rows.closeOpen(d.programId(), d.residentId(), clock.instant(), "discharged on " + d.dischargedOn());
		if (closed > 0) {
			trail.record(AuditEntry.of(new Actor(d.programId(), null, PlansOnDischarge.SYSTEM, null), AuditAction.UPDATE,
					AuditOutcome.SUCCESS).about(d.residentId(), DataCategory.CLINICAL_NOTES).on("TreatmentPlanReview", d.stayId())
				.saying("discharge: " + closed + " open plan review(s) closed"));
		}
		return closed;
	}
}
