package org.milieu.plans;

import java.time.Clock;
import java.util.UUID;

import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.levels.facts.MajorIncidentRecorded;
import org.milieu.levels.reviews.LevelChanged;
import org.milieu.residents.ResidentReadmitted;
import org.milieu.shared.DataCategory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A review of a resident's plan asked for by an event of their stay: a level change, a major
 * incident, a readmission. Heard after the event commits, from the persisted event; recorded only
 * for a resident who has a plan, once per event (a second delivery changes nothing). The request is
 * open until a review of the plan is signed after it ({@link PlanSchedules} shows it as due now).
 */
@Component
class ReviewRequests {

	private final ScheduleRows rows;

	private final AuditTrail trail;

	private final Clock clock;

	ReviewRequests(ScheduleRows rows, AuditTrail trail, Clock clock) {
		this.rows = rows;
		this.trail = trail;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void afterLevelChange(LevelChanged changed) {
		request(changed.program().value(), changed.residentId(), PlanDue.Reason.LEVEL_CHANGE, changed.reviewId());
	}

	@ApplicationModuleListener
	void afterMajorIncident(MajorIncidentRecorded incident) {
		request(incident.program().value(), incident.residentId(), PlanDue.Reason.MAJOR_INCIDENT, incident.factId());
	}

	@ApplicationModuleListener
	void afterReadmission(ResidentReadmitted readmitted) {
		request(readmitted.programId(), readmitted.residentId(), PlanDue.Reason.READMISSION, readmitted.stayId());
	}

	/** Records the request if the resident has a plan and this event asked for none before; true when it did. */
	@Transactional
	boolean request(UUID programId, UUID residentId, PlanDue.Reason reason, UUID eventId) {
		boolean made = rows.request(programId, residentId, reason.name(), clock.instant(), eventId);
		if (made) {
			trail.record(AuditEntry.of(new Actor(programId, null, PlansOnDischarge.SYSTEM, null), AuditAction.CREATE,
					AuditOutcome.SUCCESS).about(residentId, DataCategory.CLINICAL_NOTES).on("TreatmentPlanReviewRequest", eventId)
				.saying("plan review asked for: " + reason));
		}
		return made;
	}
}
